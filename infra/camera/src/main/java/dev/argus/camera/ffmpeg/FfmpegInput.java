package dev.argus.camera.ffmpeg;

import dev.argus.camera.source.SourceFailure;
import dev.argus.camera.source.SourceFailure.Kind;
import dev.argus.camera.source.SourceSpec;
import dev.argus.camera.url.CameraUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * ffmpeg's input options for a camera: {@code rtsp} with its transport and credentials in the URL's
 * userinfo, {@code mjpeg} (an HTTP multipart stream) with basic credentials as a header, {@code
 * usb} as a V4L2 device. Every network input gets a socket timeout, so a camera that stops
 * answering ends the decoder rather than hanging it.
 *
 * @param arguments the options up to and including {@code -i <url>}
 * @param redactor hides the credentials in anything ffmpeg writes back
 */
record FfmpegInput(List<String> arguments, UnaryOperator<String> redactor, String shown) {

  private static final Set<String> RTSP_SCHEMES = Set.of("rtsp", "rtsps");
  private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");

  /**
   * @throws SourceFailure ERROR for a URL or device that cannot be used, OFFLINE for a host that
   *     does not resolve
   */
  static FfmpegInput of(SourceSpec spec, Duration socketTimeout) throws SourceFailure {
    String type = spec.type() == null ? "" : spec.type().toLowerCase(Locale.ROOT);
    String timeoutMicros = Long.toString(socketTimeout.toNanos() / 1000);
    List<String> args = new ArrayList<>();
    switch (type) {
      case "rtsp" -> {
        CameraUrl url = CameraUrl.check(spec.url(), RTSP_SCHEMES, spec.username(), spec.password());
        String transport =
            spec.transport() == null ? "tcp" : spec.transport().toLowerCase(Locale.ROOT);
        if (!transport.equals("tcp") && !transport.equals("udp")) {
          throw new SourceFailure(
              Kind.ERROR, "transport must be tcp or udp, got " + spec.transport());
        }
        args.addAll(List.of("-rtsp_transport", transport, "-timeout", timeoutMicros));
        args.addAll(List.of("-i", url.withUserinfo()));
        return new FfmpegInput(args, url::redact, url.toString());
      }
      case "mjpeg" -> {
        CameraUrl url = CameraUrl.check(spec.url(), HTTP_SCHEMES, spec.username(), spec.password());
        // An HTTP multipart stream carries no timestamps: ffmpeg would assume 25 fps and its fps
        // filter keep a fifth of a real 5 fps camera's frames. Stamp frames on arrival instead.
        args.addAll(List.of("-timeout", timeoutMicros, "-use_wallclock_as_timestamps", "1"));
        String authorization = url.basicAuthorization();
        if (authorization != null) {
          args.addAll(List.of("-headers", "Authorization: " + authorization + "\r\n"));
        }
        args.addAll(List.of("-i", url.withoutUserinfo().toString()));
        UnaryOperator<String> redactor =
            line ->
                url.redact(authorization == null ? line : line.replace(authorization, "Basic ***"));
        return new FfmpegInput(args, redactor, url.toString());
      }
      case "usb" -> {
        String device = spec.url() == null ? "" : spec.url().strip();
        if (!device.startsWith("/dev/") || !Files.exists(Path.of(device))) {
          throw new SourceFailure(
              Kind.ERROR, "no such device " + (device.isEmpty() ? "(none given)" : device));
        }
        args.addAll(List.of("-f", "v4l2", "-i", device));
        return new FfmpegInput(args, UnaryOperator.identity(), device);
      }
      default ->
          throw new SourceFailure(
              Kind.ERROR, "ffmpeg reads rtsp, mjpeg and usb cameras, not " + spec.type());
    }
  }
}
