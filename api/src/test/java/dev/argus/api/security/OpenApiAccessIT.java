package dev.argus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.RawHttp;
import dev.argus.api.system.StatusCodePaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * Every operation the running api describes in {@code /openapi.json}, tried without a key, with a
 * wrong key, with a valid key lacking the scope, and under other spellings of its path: {@code ;x}
 * after each segment, one letter of a segment percent-encoded, {@code //}, {@code /./}, {@code
 * /%2e/} and {@code /x/../} inserted, a trailing {@code /}, the whole path in upper case. A
 * protected operation must refuse them all (400 from the firewall or 401); an operation that
 * answers without a key must be one of {@link AccessRules}' public routes.
 *
 * <p>The operations are read from the api itself, so an endpoint added later is covered without
 * touching this test. Path parameters are filled with resources created here (a device, a target, a
 * key), so a request that got through would act on something real.
 */
class OpenApiAccessIT extends SecuredApiTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  @Autowired private AccessRules rules;

  @TestFactory
  Stream<DynamicTest> everyDescribedOperationRefusesRequestsWithoutTheRightKey() {
    // Given: one resource of each kind, and a valid key with a scope no endpoint asks for
    // (read:events was one until the camera events asked for it)
    String deviceId =
        created(
                "/api/devices",
                "{\"id\": \"ups-access\", \"name\": \"UPS\", \"host\": \"127.0.0.1\"}")
            .json()
            .path("id")
            .asString();
    long targetId =
        created(
                "/api/v1/targets",
                "{\"name\": \"access\", \"type\": \"ping\", \"address\": \"127.0.0.1\"}")
            .json()
            .path("id")
            .asLong();
    JsonNode scopedKey =
        created("/api/v1/api-keys", "{\"name\": \"reader\", \"scopes\": [\"read:devices\"]}")
            .json();
    var values = new PathValues(deviceId, targetId, scopedKey.path("id").asString());
    String lowScopeKey = scopedKey.path("key").asString();

    List<Operation> operations = operations(api.get("/openapi.json").json(), values);
    assertThat(operations).as("operations described in /openapi.json").hasSizeGreaterThan(20);

    var seen = new ArrayList<Boolean>();
    return Stream.concat(
        operations.stream()
            .map(
                op ->
                    DynamicTest.dynamicTest(op.toString(), () -> seen.add(check(op, lowScopeKey)))),
        Stream.of(
            DynamicTest.dynamicTest(
                "both protected and public operations were tried",
                () -> assertThat(seen).hasSize(operations.size()).contains(true, false))));
  }

  /** Checks one operation; true when it is protected. */
  private boolean check(Operation op, String lowScopeKey) {
    RawHttp.Response plain = raw.send(op.method(), op.path(), null, op.body());
    if (plain.status() != 401) {
      assertThat(rules.isPublic(request(op)))
          .as(
              "%s answered %d without a key but is not one of AccessRules' public routes",
              op, plain.status())
          .isTrue();
      assertThat(plain.status()).as("%s: %s", op, plain.body()).isLessThan(500);
      return false;
    }
    assertThat(plain.body()).isEqualTo(errorBody(op, "Missing API key in x-api-key header", 401));

    RawHttp.Response wrong = raw.send(op.method(), op.path(), WRONG_KEY, op.body());
    assertThat(wrong.status()).as("%s with a wrong key", op).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo(errorBody(op, "Invalid or disabled API key", 401));

    RawHttp.Response scoped = raw.send(op.method(), op.path(), lowScopeKey, op.body());
    if (rules.needsSignedInPerson(request(op))) {
      // A person's own routes (me, logout, password): no key may use them, whatever its scopes.
      assertThat(scoped.status()).as("%s with a key: %s", op, scoped.body()).isEqualTo(403);
      assertThat(scoped.body()).contains("Only a signed-in person can use this route");
    } else if (rules.takesAnyValidKey(request(op))) {
      assertThat(scoped.status()).as("%s with any valid key", op).isNotIn(401, 403);
    } else {
      assertThat(scoped.status())
          .as("%s with a key without its scope: %s", op, scoped.body())
          .isEqualTo(403);
      assertThat(scoped.body())
          .matches(
              "\\{\"detail\":\"This API key lacks the '[a-z:]+' scope\""
                  + (StatusCodePaths.carriesStatusCode(op.path()) ? ",\"status_code\":403" : "")
                  + "}");
    }

    for (String variant : variants(op.path())) {
      for (String key : new String[] {null, WRONG_KEY}) {
        RawHttp.Response response = raw.send(op.method(), variant, key, op.body());
        assertThat(response.status())
            .as(
                "%s %s with %s answered %s",
                op.method(), variant, key == null ? "no key" : "a wrong key", response.body())
            .isIn(400, 401);
        assertThat(response.json().path("detail").asString()).isNotBlank();
      }
    }
    return true;
  }

  /** The refusal's exact body: with the status code on the camera seed's routes. */
  private static String errorBody(Operation op, String detail, int status) {
    return StatusCodePaths.carriesStatusCode(op.path())
        ? "{\"detail\":\"" + detail + "\",\"status_code\":" + status + "}"
        : "{\"detail\":\"" + detail + "\"}";
  }

  /** Other spellings of a path that a filter and a router might read differently. */
  static List<String> variants(String path) {
    List<String> segments = List.of(path.substring(1).split("/"));
    var variants = new LinkedHashSet<String>();
    for (int i = 0; i < segments.size(); i++) {
      variants.add(join(replaced(segments, i, segments.get(i) + ";x")));
      variants.add(join(replaced(segments, i, percentEncodeFirstLetter(segments.get(i)))));
      variants.add(join(inserted(segments, i, "")));
      variants.add(join(inserted(segments, i, ".")));
      variants.add(join(inserted(segments, i, "%2e")));
      variants.add(join(inserted(segments, i, "x/..")));
    }
    variants.add(path + "/");
    variants.add(path.toUpperCase(Locale.ROOT));
    variants.remove(path);
    return List.copyOf(variants);
  }

  private static String percentEncodeFirstLetter(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (Character.isLetter(c) && c < 128) {
        return segment.substring(0, i) + "%%%02X".formatted((int) c) + segment.substring(i + 1);
      }
    }
    return segment;
  }

  private static List<String> replaced(List<String> segments, int index, String segment) {
    var copy = new ArrayList<>(segments);
    copy.set(index, segment);
    return copy;
  }

  private static List<String> inserted(List<String> segments, int index, String segment) {
    var copy = new ArrayList<>(segments);
    copy.add(index, segment);
    return copy;
  }

  private static String join(List<String> segments) {
    return "/" + String.join("/", segments);
  }

  private static MockHttpServletRequest request(Operation op) {
    return new MockHttpServletRequest(op.method(), op.path());
  }

  /** The operations of an OpenAPI document, with their path parameters filled in. */
  private static List<Operation> operations(JsonNode spec, PathValues values) {
    var operations = new ArrayList<Operation>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (!METHODS.contains(method.getKey())) {
          continue;
        }
        JsonNode operation = method.getValue();
        String concrete = path.getKey();
        for (JsonNode parameter : parameters(path.getValue(), operation)) {
          if (parameter.path("in").asString().equals("path")) {
            concrete =
                concrete.replace(
                    "{" + parameter.path("name").asString() + "}",
                    values.valueFor(parameter.path("schema")));
          }
        }
        assertThat(concrete)
            .as("every path parameter of %s is filled", path.getKey())
            .doesNotContain("{");
        operations.add(
            new Operation(
                method.getKey().toUpperCase(Locale.ROOT),
                concrete,
                operation.has("requestBody") ? "{}" : null));
      }
    }
    return operations;
  }

  private static List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
    var parameters = new ArrayList<JsonNode>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    return parameters;
  }

  private record Operation(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Values for path parameters: the resources this test created, chosen by the parameter type. */
  private record PathValues(String deviceId, long targetId, String keyId) {
    String valueFor(JsonNode schema) {
      return switch (schema.path("type").asString()) {
        case "integer" -> Long.toString(targetId);
        case "string" -> schema.path("format").asString().equals("uuid") ? keyId : deviceId;
        default -> deviceId;
      };
    }
  }
}
