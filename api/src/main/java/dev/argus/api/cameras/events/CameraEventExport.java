package dev.argus.api.cameras.events;

import dev.argus.api.system.text.CsvFields;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * Writes the events straight from the database cursor to the response as CSV (RFC 4180, a header
 * line, CRLF; text a spreadsheet would run as a formula defused), row by row: nothing but the row
 * being written is held in memory, and the container sends the body in chunks as its buffer fills.
 * Frames and thumbnails are left out.
 */
final class CameraEventExport {

  private final CameraEventRepository events;

  CameraEventExport(CameraEventRepository events) {
    this.events = events;
  }

  void writeCsv(CameraEventFilter filter, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"camera-events.csv\"");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    out.write(String.join(",", CameraEventRepository.EXPORT_COLUMNS));
    out.write("\r\n");
    events.forEach(
        filter,
        row -> {
          try {
            out.write(row.stream().map(CsvFields::of).collect(Collectors.joining(",")));
            out.write("\r\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    out.flush();
  }
}
