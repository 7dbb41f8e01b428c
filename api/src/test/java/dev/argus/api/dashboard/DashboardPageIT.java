package dev.argus.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.RunningApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web dashboard as the api serves it: {@code GET /} answers a browser with the page and
 * everything else with {@code {"status":"ok"}}; the page's modules and the WebJar it imports are
 * public and served; and every module the page imports, and every api route its code calls, exists
 * (a renamed file or route fails here, not in front of a user).
 */
class DashboardPageIT extends RunningApiTest {

  private static final Path UI = Path.of("src", "main", "resources", "static", "ui");
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  /** import ... from '...', import('...'), src="..." and href="..." of the page and its modules. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?:from\\s+|import\\(|src=|href=)['\"](/(?:ui|webjars)/[^'\"]+)['\"]");

  private static final Pattern RELATIVE_IMPORT =
      Pattern.compile("(?:from\\s+|import\\()['\"](\\.{1,2}/[^'\"]+)['\"]");

  /** Api paths in the code: quoted or template strings starting /api/, up to a query or quote. */
  private static final Pattern API_PATH = Pattern.compile("['`](/api/[^'`?]*)");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aBrowserGetsThePageAndEveryoneElseTheStatus() throws Exception {
    HttpResponse<String> page = get("/", BROWSER_ACCEPT);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/ui/app.js\">");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'");
    assertThat(page.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept"));

    for (String accept : new String[] {"application/json", "*/*"}) {
      HttpResponse<String> status = get("/", accept);
      assertThat(status.statusCode()).as(accept).isEqualTo(200);
      assertThat(status.body()).as(accept).isEqualTo("{\"status\":\"ok\"}");
    }
    assertThat(api.get("/").body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void everyFileThePageLoadsIsServedWithoutAKey() throws Exception {
    Set<String> referenced = new TreeSet<>();
    for (Path file : uiFiles()) {
      String text = Files.readString(file);
      Matcher absolute = REFERENCE.matcher(text);
      while (absolute.find()) {
        referenced.add(absolute.group(1));
      }
      Matcher relative = RELATIVE_IMPORT.matcher(text);
      while (relative.find()) {
        Path target = file.getParent().resolve(relative.group(1)).normalize();
        referenced.add("/ui/" + UI.relativize(target).toString().replace('\\', '/'));
      }
    }

    assertThat(referenced).contains("/ui/app.js", "/webjars/uplot/dist/uPlot.esm.js");
    for (String path : referenced) {
      HttpResponse<String> response = get(path, "*/*");
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      if (path.endsWith(".js")) {
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .as(path)
            .contains("javascript");
      }
    }
  }

  @Test
  void everyApiRouteTheDashboardCallsIsAnOperationOfTheApi() throws Exception {
    List<Pattern> operations =
        api.get("/openapi.json").json().get("paths").propertyNames().stream()
            .map(path -> Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")))
            .toList();
    Set<String> called = new TreeSet<>();
    for (Path file : uiFiles()) {
      Matcher m = API_PATH.matcher(Files.readString(file));
      while (m.find()) {
        // A query string built by query({...}) is not part of the path; other ${...} are segments.
        called.add(
            m.group(1).replaceAll("\\$\\{query\\(.*?\\)}", "").replaceAll("\\$\\{[^}]+}", "x"));
      }
    }

    assertThat(called).contains("/api/devices", "/api/v1/targets", "/api/v1/api-keys");
    List<String> unknown =
        called.stream()
            .filter(path -> operations.stream().noneMatch(op -> op.matcher(path).matches()))
            .toList();
    assertThat(unknown).as("called by the dashboard but not operations of /openapi.json").isEmpty();
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .header("Accept", accept)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<Path> uiFiles() {
    try (Stream<Path> files = Files.walk(UI)) {
      return files
          .filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
