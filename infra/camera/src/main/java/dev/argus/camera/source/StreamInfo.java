package dev.argus.camera.source;

/**
 * What the source says about its stream once it answers.
 *
 * @param width the stream's native width (before any scaling for analysis)
 * @param fps the stream's nominal frame rate, when it states one
 * @param codec the codec as the decoder names it ({@code h264}, {@code mjpeg}, {@code jpeg})
 */
public record StreamInfo(int width, int height, Double fps, String codec) {}
