package dev.argus.api.llm.providers;

import dev.argus.api.llm.LlmCatalog;
import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/providers}: LLM provider accounts, the catalog of provider types, connection tests
 * and model discovery. Reads need {@code read:models}, changes, tests and refreshes {@code
 * write:models} ({@code admin} implies both; see the security package's AccessRules).
 */
@RestController
@RequestMapping("/api/v1/providers")
@Tag(name = "llm providers")
class ProviderController {

  private final ProviderService providers;
  private final ProviderChecks checks;
  private final LlmCatalog catalog;

  ProviderController(ProviderService providers, ProviderChecks checks, LlmCatalog catalog) {
    this.providers = providers;
    this.checks = checks;
    this.catalog = catalog;
  }

  @GetMapping
  @Operation(summary = "Every provider account, by display name; secrets masked")
  ProviderList list() {
    return providers.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a provider account; its secrets are encrypted",
      description =
          "base_url and region may also be sent inside credentials (they are moved out), as may"
              + " Azure's resource, deployment and api_version (moved to options).")
  Provider create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ProviderRequest.class)))
          @RequestBody
          JsonNode body) {
    return providers.create(body);
  }

  @GetMapping("/catalog")
  @Operation(
      summary = "Every provider type: what it needs (secrets, options, base URL) and its regions")
  ProviderCatalogView catalog() {
    return ProviderCatalogView.of(catalog.providerEntries());
  }

  @PostMapping("/test-connection")
  @Operation(
      summary = "Test a provider that is not saved: list its models, then probe one of them",
      description =
          "The body is a create body, checked as on create (422). A provider failure (refused,"
              + " timeout, 401, no models) is success false with the provider's own error, not an"
              + " HTTP error. Takes at most ARGUS_API_LLM_LIST_TIMEOUT per model page plus"
              + " ARGUS_API_LLM_TEST_TIMEOUT for the probe.")
  @ApiResponse(responseCode = "200", description = "The test's outcome, success or not")
  ConnectionCheck testConnection(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ProviderRequest.class)))
          @RequestBody
          JsonNode body) {
    return checks.testUnsaved(body);
  }

  @PostMapping("/{id}/test")
  @Operation(
      summary = "Test a saved provider: list its models, then probe one (a monitored one first)",
      description =
          "A provider failure is success false with the provider's own error. Takes at most"
              + " ARGUS_API_LLM_LIST_TIMEOUT per model page plus ARGUS_API_LLM_TEST_TIMEOUT.")
  @ApiResponse(responseCode = "200", description = "The test's outcome, success or not")
  ConnectionCheck test(@PathVariable UUID id) {
    return checks.test(id);
  }

  @PostMapping("/{id}/refresh-models")
  @Operation(
      summary = "Discover the provider's models: every page listed, the new ones added",
      description =
          "New models are added with source discovered and monitoring off; known models keep"
              + " their settings; models no longer listed are kept. Each added model is published"
              + " to argus.config. A provider failure is success false with its own error.")
  @ApiResponse(responseCode = "200", description = "The refresh's outcome, success or not")
  ModelRefresh refreshModels(@PathVariable UUID id) {
    return checks.refreshModels(id);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One provider account; secrets masked")
  Provider get(@PathVariable UUID id) {
    return providers.get(id);
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change the given fields of a provider account",
      description =
          "A secret of credentials left out or sent back masked (****) keeps its stored value;"
              + " null removes it. A base_url on another host needs the secrets sent again.")
  @ApiResponse(responseCode = "200", description = "The provider")
  Provider patch(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ProviderRequest.class)))
          @RequestBody
          JsonNode patch) {
    return providers.patch(id, patch);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a provider account and its models")
  @ApiResponse(
      responseCode = "409",
      description = "A model of the provider has benchmark history",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  void delete(@PathVariable UUID id) {
    providers.delete(id);
  }
}
