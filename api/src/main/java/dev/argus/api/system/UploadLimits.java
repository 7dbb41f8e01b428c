package dev.argus.api.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one operation whose body may exceed the 1 MB of every other: {@code POST /api/v1/ai/describe}
 * carries an image (up to {@code ARGUS_API_AI_MAX_IMAGE_SIZE}, base64 in JSON or a multipart part),
 * so its body may be up to {@value #IMAGE_BODY_MAX_BYTES} bytes; the operation checks the image's
 * own size.
 */
public final class UploadLimits {

  public static final long IMAGE_BODY_MAX_BYTES = 16L * 1024 * 1024;
  static final String IMAGE_PATH = "/api/v1/ai/describe";

  private UploadLimits() {}

  /** The most bytes the body of {@code request} may have. */
  static long maxBodyBytes(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && IMAGE_PATH.equals(request.getRequestURI())
        ? IMAGE_BODY_MAX_BYTES
        : RequestBodyLimitFilter.MAX_BYTES;
  }
}
