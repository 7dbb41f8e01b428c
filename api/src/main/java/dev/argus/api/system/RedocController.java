package dev.argus.api.system;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /redoc}: ReDoc over {@code /openapi.json}, the same document as the Swagger UI at
 * {@code /docs}. The page and its one script ({@code /redoc/redoc.standalone.js}, the npm package's
 * bundle kept in {@code static/redoc}) come from the api itself, so it works offline; the page
 * loads no font or style from elsewhere. Not an operation of the document it shows.
 */
@RestController
@Hidden
class RedocController {

  static final String SCRIPT = "/redoc/redoc.standalone.js";

  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Argus API reference</title>
          <style>body { margin: 0; padding: 0; }</style>
        </head>
        <body>
          <redoc spec-url="/openapi.json"></redoc>
          <script src="%s"></script>
        </body>
      </html>
      """
          .formatted(SCRIPT);

  @GetMapping(value = "/redoc", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> redoc() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(PAGE);
  }
}
