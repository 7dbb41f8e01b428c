/**
 * Frames from cameras: a {@link dev.argus.camera.source.FrameSource} per camera type (RTSP and
 * MJPEG through an ffmpeg subprocess, snapshot URLs through {@code javax.imageio}), the connection
 * test behind {@code POST /api/v1/cameras/test}, and JPEG bounds. JDK only.
 */
package dev.argus.camera.source;
