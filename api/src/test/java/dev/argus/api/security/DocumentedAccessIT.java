package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.RunningApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * The document's own rule of which operations need a key (the {@code api_key} security requirement
 * and the 401/403/429 it adds, see the system package's CommonResponses) agrees with {@link
 * AccessRules}' list of public routes, for every operation it describes.
 */
class DocumentedAccessIT extends RunningApiTest {

  @Autowired private AccessRules rules;

  @Test
  void anOperationDeclaresTheKeyExactlyWhenItIsNotPublic() {
    // Given
    JsonNode paths = api.get("/openapi.json").json().get("paths");

    // When
    List<String> disagreements = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        operations++;
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
        boolean isPublic =
            rules.isPublic(
                new MockHttpServletRequest(method.getKey().toUpperCase(Locale.ROOT), concrete));
        JsonNode operation = method.getValue();
        boolean declaresKey = operation.has("security") && operation.get("responses").has("401");
        if (declaresKey == isPublic) {
          disagreements.add(
              method.getKey() + " " + path.getKey() + (isPublic ? " is public" : " needs a key"));
        }
      }
    }

    // Then
    assertThat(operations).isGreaterThan(20);
    assertThat(disagreements).isEmpty();
  }
}
