package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.RunningApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API reference ({@code docs/API.md}) documents exactly the operations of the running api's
 * {@code /openapi.json}: one heading {@code ### METHOD /path} per operation, with the path as the
 * document spells it (e.g. {@code ### GET /api/v1/targets/{id}}). An operation added to the api
 * without its section, or a section left behind for an operation that is gone, fails here.
 */
class ApiReferenceIT extends RunningApiTest {

  /** The build runs each module from its own directory; the reference is beside the modules. */
  private static final Path REFERENCE = Path.of("..", "docs", "API.md");

  private static final Pattern OPERATION_HEADING =
      Pattern.compile(
          "^### (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/\\S*)\\s*$", Pattern.MULTILINE);
  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");

  @Test
  void everyOperationOfTheDocumentHasItsSectionAndNoSectionOutlivesItsOperation() {
    // Given
    Set<String> served = operationsOf(api.get("/openapi.json").json());
    Set<String> documented = documentedOperations(read(REFERENCE));

    // Then
    assertThat(served).as("operations of /openapi.json").isNotEmpty();
    Set<String> missing = new TreeSet<>(served);
    missing.removeAll(documented);
    Set<String> stale = new TreeSet<>(documented);
    stale.removeAll(served);
    // Both lists in one failure, so a renamed path shows its old and new spelling side by side.
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(missing)
              .as(
                  "operations of /openapi.json without a '### METHOD /path' heading in "
                      + REFERENCE)
              .isEmpty();
          softly
              .assertThat(stale)
              .as("headings in " + REFERENCE + " for operations the api no longer has")
              .isEmpty();
        });
  }

  private static Set<String> operationsOf(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue().propertyNames().stream()
                    .filter(METHODS::contains)
                    .forEach(
                        method ->
                            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return operations;
  }

  private static Set<String> documentedOperations(String reference) {
    Set<String> operations = new TreeSet<>();
    Matcher heading = OPERATION_HEADING.matcher(reference);
    while (heading.find()) {
      operations.add(heading.group(1) + " " + heading.group(2));
    }
    return operations;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the API reference " + file.toAbsolutePath(), e);
    }
  }
}
