package dev.argus.api.system;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Declares the answers that do not come from one controller but from the layers around all of them:
 * the exception handler, the body-size filter, the servlet container and the API-key gate. Every
 * operation may answer 400 (unreadable JSON, a path the container rejects), 413 (a body over 1 MB),
 * 422 (invalid parameters or body), 500 and 503 (database unavailable); operations with a path
 * variable 404, operations with a body 408 (too slow) and 415. Operations that need a key get the
 * {@code api_key} security requirement and 401, 403 and 429 (with {@code Retry-After} and the
 * {@code X-RateLimit-*} headers). What a controller declares itself is kept. On the camera seed's
 * routes ({@link StatusCodePaths}) every error body is the one with {@code status_code}.
 */
final class CommonResponses implements OpenApiCustomizer {

  static final String API_KEY_SCHEME = "api_key";

  /** A signed-in person's session cookie, the other way to make a protected request. */
  static final String SESSION_SCHEME = "session";

  private static final String ERROR_SCHEMA = "ErrorBody";

  /** The error body of the camera seed's routes ({@link StatusCodePaths}). */
  private static final String STATUS_ERROR_SCHEMA = "ErrorBodyWithStatusCode";

  /**
   * Whether an operation needs an API key: everything under {@code /api/v1}, and the writes of the
   * power API under {@code /api} (open only while no bootstrap key is configured). This is the
   * document's one copy of the security package's public-route list ({@code AccessRules}); {@code
   * DocumentedAccessIT} fails when the two disagree on any described operation.
   */
  static boolean requiresApiKey(String method, String path) {
    if (isSigningIn(method, path)) {
      return false;
    }
    return path.startsWith("/api/v1/")
        || path.startsWith("/api/") && !method.equals("GET")
        || path.equals("/ws");
  }

  /** {@code GET /api/v1/auth/csrf} and {@code POST /api/v1/auth/login}: public, to sign in. */
  private static boolean isSigningIn(String method, String path) {
    return method.equals("GET") && path.equals("/api/v1/auth/csrf")
        || method.equals("POST") && path.equals("/api/v1/auth/login");
  }

  @Override
  public void customise(OpenAPI api) {
    // ErrorBody is normally registered by the controllers' annotations already.
    api.getComponents()
        .getSchemas()
        .putIfAbsent(
            ERROR_SCHEMA,
            ModelConverters.getInstance(true).read(ErrorBody.class).get(ERROR_SCHEMA));
    api.getComponents().addSchemas(STATUS_ERROR_SCHEMA, statusErrorSchema());
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> declare(method.name(), path, operation)));
  }

  private static void declare(String method, String path, Operation operation) {
    ApiResponses responses = operation.getResponses();
    declareErrors(method, path, operation, responses);
    if (StatusCodePaths.carriesStatusCode(path)) {
      responses.replaceAll(CommonResponses::withStatusCode);
    }
  }

  /**
   * On the camera seed's routes every error answer with the detail body, declared here or by the
   * controller, has the body with {@code status_code} instead. A copy: springdoc may share one
   * declared answer between operations.
   */
  private static ApiResponse withStatusCode(String status, ApiResponse response) {
    if (status.startsWith("2") || status.startsWith("3") || response.getContent() == null) {
      return response;
    }
    Content content = new Content();
    response
        .getContent()
        .forEach(
            (type, media) -> {
              boolean detailOnly =
                  media.getSchema() != null
                      && ("#/components/schemas/" + ERROR_SCHEMA)
                          .equals(media.getSchema().get$ref());
              content.addMediaType(
                  type,
                  detailOnly
                      ? new MediaType()
                          .schema(
                              new Schema<>().$ref("#/components/schemas/" + STATUS_ERROR_SCHEMA))
                      : media);
            });
    return new ApiResponse()
        .description(response.getDescription())
        .headers(response.getHeaders())
        .content(content);
  }

  private static Schema<?> statusErrorSchema() {
    return new ObjectSchema()
        .description(
            "The error body of the camera, event, AI, system and Protect routes: the detail and"
                + " the HTTP status again")
        .addProperty(
            "detail",
            new StringSchema().description("What went wrong and, where you can act, what to do"))
        .addProperty(
            "status_code", new IntegerSchema().format("int32").description("The HTTP status"))
        .required(List.of("detail", "status_code"));
  }

  private static void declareErrors(
      String method, String path, Operation operation, ApiResponses responses) {
    error(responses, "400", "Malformed request: an unreadable JSON body or a rejected path");
    if (path.contains("{")) {
      error(responses, "404", "No such resource");
    }
    error(responses, "413", "The request body exceeds 1 MB");
    if (operation.getRequestBody() != null) {
      error(responses, "408", "The body was still arriving after ARGUS_API_BODY_DEADLINE");
      error(responses, "415", "The body is not JSON (Content-Type: application/json)");
    }
    error(responses, "422", "Invalid query parameter, path variable or body; detail names it");
    error(responses, "500", "Unexpected error; it has been logged, detail has no internals");
    error(responses, "503", "The database is unavailable; try again shortly");
    if (requiresApiKey(method, path)) {
      operation.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
      operation.addSecurityItem(new SecurityRequirement().addList(SESSION_SCHEME));
      error(
          responses,
          "401",
          "Missing API key in x-api-key header, or an invalid or disabled key, or an ended"
              + " session");
      error(
          responses,
          "403",
          "The API key (or the signed-in person's role) lacks the scope this operation needs, or"
              + " a write signed in by the session cookie lacks the CSRF token");
      if (!responses.containsKey("429")) {
        responses.addApiResponse("429", rateLimited());
      }
    }
  }

  private static void error(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(
          status, new ApiResponse().description(description).content(errorContent()));
    }
  }

  private static ApiResponse rateLimited() {
    return new ApiResponse()
        .description(
            "Rate limit exceeded (the key's window), or too many failed authentications from this"
                + " client address")
        .content(errorContent())
        .addHeaderObject("Retry-After", header("Seconds until a request would be admitted", true))
        .addHeaderObject(
            "X-RateLimit-Limit", header("Requests the key's window admits per minute", false))
        .addHeaderObject("X-RateLimit-Remaining", header("Requests left in the window", false))
        .addHeaderObject(
            "X-RateLimit-Reset", header("When the window frees a request (Unix seconds)", false));
  }

  private static Header header(String description, boolean required) {
    return new Header()
        .description(description)
        .required(required)
        .schema(new IntegerSchema().format("int64"));
  }

  private static Content errorContent() {
    return new Content()
        .addMediaType(
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
  }
}
