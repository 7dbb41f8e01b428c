package dev.argus.contract.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The api's own {@code /openapi.json} as a check of its answers: the api's ITs ({@code ApiHttp})
 * and the stack's ({@code StackApi}) hand it every answer they receive, so an undeclared status, a
 * body that does not match its schema, a missing required field or a null where none is declared
 * fails the test with the validator's report. Only answers are checked, not requests (tests send
 * bad requests on purpose), and only those of documented operations: a request for an undocumented
 * path or method (a deliberately wrong route) is skipped.
 *
 * <p>The document is fetched once per running api (base URL) with a plain client.
 */
public final class OpenApiContract {

  private static final Map<String, OpenApiContract> BY_BASE_URL = new ConcurrentHashMap<>();

  private final OpenApiInteractionValidator validator;

  private OpenApiContract(String document) {
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(document)
            .withLevelResolver(
                LevelResolver.create()
                    // Requests are the tests' business; "validation.request" also covers a path or
                    // method the document does not have, which is how unknown routes are skipped.
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

  /** The document of the api at {@code baseUrl} ({@code http://127.0.0.1:8000}); fetched once. */
  public static OpenApiContract at(String baseUrl) {
    return BY_BASE_URL.computeIfAbsent(baseUrl, OpenApiContract::fetch);
  }

  /**
   * The validator's findings on one answer; no errors when it conforms or when the document has no
   * operation for the method and path.
   */
  public ValidationReport check(
      String method,
      String pathAndQuery,
      int status,
      Map<String, List<String>> headers,
      String body) {
    Request.Method documented = methodOf(method);
    if (documented == null) {
      return ValidationReport.empty();
    }
    SimpleResponse.Builder response = new SimpleResponse.Builder(status);
    headers.forEach(response::withHeader);
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    return validator.validateResponse(pathOf(pathAndQuery), documented, response.build());
  }

  /** Fails with the validator's report unless the answer conforms to the document. */
  public void assertConforms(
      String method,
      String pathAndQuery,
      int status,
      Map<String, List<String>> headers,
      String body) {
    ValidationReport report = check(method, pathAndQuery, status, headers, body);
    if (report.hasErrors()) {
      throw new AssertionError(
          "The answer to "
              + method
              + " "
              + pathAndQuery
              + " ("
              + status
              + ") does not match /openapi.json:\n"
              + SimpleValidationReportFormat.getInstance().apply(report)
              + "\nbody: "
              + body);
    }
  }

  /** Null for a method OpenAPI cannot describe (e.g. PROPFIND), whose answers are not checked. */
  private static Request.Method methodOf(String method) {
    try {
      return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String pathOf(String pathAndQuery) {
    int query = pathAndQuery.indexOf('?');
    return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
  }

  private static OpenApiContract fetch(String baseUrl) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/openapi.json"))
            .timeout(Duration.ofSeconds(30))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET /openapi.json answered " + response.statusCode() + ": " + response.body());
      }
      return new OpenApiContract(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot fetch " + baseUrl + "/openapi.json", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted fetching /openapi.json", e);
    }
  }
}
