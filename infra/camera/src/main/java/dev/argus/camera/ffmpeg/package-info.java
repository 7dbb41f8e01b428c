/**
 * RTSP, HTTP MJPEG and V4L2 cameras through an ffmpeg subprocess: raw frames on stdout, the
 * stream's description and the reason it stopped on stderr, never a native library in the JVM.
 */
package dev.argus.camera.ffmpeg;
