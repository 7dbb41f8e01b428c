package dev.argus.api.llm.monitoring;

import dev.argus.api.system.text.CsvFields;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the probe history straight from the database cursor to the response, row by row: a JSON
 * array of {@link UptimeExportRow} objects, or CSV with a header line. Nothing but the row being
 * written is held in memory; the servlet container sends the body in chunks as its buffer fills.
 */
final class UptimeExport {

  /** The export formats. */
  enum Format {
    JSON("application/json", "json"),
    CSV("text/csv;charset=UTF-8", "csv");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    static Format of(String name) {
      if (name == null || name.isBlank()) {
        throw new ResponseStatusException(
            HttpStatus.UNPROCESSABLE_CONTENT, "format is required: json or csv");
      }
      return switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "json" -> JSON;
        case "csv" -> CSV;
        default ->
            throw new ResponseStatusException(
                HttpStatus.UNPROCESSABLE_CONTENT, "format must be json or csv, got '" + name + "'");
      };
    }
  }

  private final UptimeRepository history;
  private final JsonMapper json;

  UptimeExport(UptimeRepository history, JsonMapper json) {
    this.history = history;
    this.json = json;
  }

  void write(Format format, UptimeRepository.Filter filter, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(format.contentType);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"llm-uptime." + format.extension + "\"");
    OutputStream body = response.getOutputStream();
    if (format == Format.JSON) {
      writeJson(filter, body);
    } else {
      writeCsv(filter, body);
    }
  }

  private void writeJson(UptimeRepository.Filter filter, OutputStream body) {
    try (JsonGenerator generator = json.createGenerator(body)) {
      generator.writeStartArray();
      history.forEach(filter, generator::writePOJO);
      generator.writeEndArray();
    }
  }

  private void writeCsv(UptimeRepository.Filter filter, OutputStream body) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    out.write(String.join(",", UptimeExportRow.NAMES));
    out.write("\r\n");
    history.forEach(
        filter,
        row -> {
          try {
            out.write(row.values().stream().map(CsvFields::of).collect(Collectors.joining(",")));
            out.write("\r\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    out.flush();
  }
}
