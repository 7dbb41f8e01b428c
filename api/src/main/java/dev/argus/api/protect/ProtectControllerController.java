package dev.argus.api.protect;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/protect/controllers}: UniFi Protect controllers, their connection test and their
 * cameras. Reads need {@code read:cameras}, changes and the test {@code write:cameras}, as for
 * cameras (see the security package's AccessRules). Error bodies carry {@code status_code}.
 */
@RestController
@RequestMapping("/api/v1/protect/controllers")
@Tag(name = "protect")
class ProtectControllerController {

  private final ProtectControllerService controllers;
  private final ProtectConnections connections;

  ProtectControllerController(
      ProtectControllerService controllers, ProtectConnections connections) {
    this.controllers = controllers;
    this.connections = connections;
  }

  @GetMapping
  @Operation(summary = "Every Protect controller, by name, with its session status")
  ProtectControllerList list() {
    return controllers.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add a Protect controller; a collector keeps a session to it",
      description =
          "The password is required, stored encrypted and never returned (has_password). port"
              + " defaults to 443, verify_ssl to false, enabled to true.")
  @ApiResponse(
      responseCode = "409",
      description = "Another controller has this name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ProtectController create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ProtectControllerRequest.class)))
          @RequestBody
          JsonNode body) {
    return controllers.create(body);
  }

  @PostMapping("/test")
  @Operation(
      summary = "Log in to a controller and read its bootstrap, within 10 s",
      description =
          "The body: host, port, username, password, verify_ssl; or controller_id to test a stored"
              + " controller with its stored password (other fields sent override the stored"
              + " ones). A refusal, timeout or bad answer is success false with the reason, not an"
              + " HTTP error.")
  @ApiResponse(responseCode = "200", description = "The test's outcome, success or not")
  @ApiResponse(
      responseCode = "404",
      description = "No controller has the controller_id given",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ProtectTestView test(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = TestRequest.class)))
          @RequestBody
          JsonNode body) {
    return connections.test(body);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One controller with its session status")
  ProtectController get(@PathVariable UUID id) {
    return controllers.get(id);
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Change the given fields of a controller",
      description =
          "Fields left out keep their value. The stored password is kept unless a non-empty"
              + " password is sent. The read-only fields of an answer (id, has_password, status,"
              + " created_at, updated_at) may be sent back and are ignored.")
  @ApiResponse(responseCode = "200", description = "The controller")
  @ApiResponse(
      responseCode = "409",
      description = "Another controller has this name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ProtectController update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ProtectControllerRequest.class)))
          @RequestBody
          JsonNode body) {
    return controllers.update(id, body);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a controller; refused while Argus cameras of it exist")
  @ApiResponse(
      responseCode = "409",
      description = "Argus cameras of type protect name this controller (the detail lists them)",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  void delete(@PathVariable UUID id) {
    controllers.delete(id);
  }

  @GetMapping("/{id}/cameras")
  @Operation(
      summary = "The controller's cameras, read live from its bootstrap",
      description =
          "Each with argus_camera_id when an Argus camera of type protect is made of it. 502 when"
              + " the controller refuses the stored credentials or cannot be reached, 504 when it"
              + " does not answer within 10 s.")
  @ApiResponse(responseCode = "200", description = "The cameras")
  @ApiResponse(
      responseCode = "502",
      description = "The controller refused or cannot be reached",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "504",
      description = "The controller did not answer in time",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ProtectCameraList cameras(@PathVariable UUID id) {
    return connections.cameras(id);
  }

  /** The body of the test, as documented (the connection fields, or a stored controller). */
  @Schema(name = "ProtectControllerTestRequest")
  record TestRequest(
      @Schema(nullable = true, description = "A stored controller to test")
          @JsonProperty("controller_id")
          UUID controllerId,
      @JsonProperty("host") String host,
      @Schema(description = "Default 443") @JsonProperty("port") Integer port,
      @JsonProperty("username") String username,
      @JsonProperty("password") String password,
      @Schema(description = "Default false") @JsonProperty("verify_ssl") Boolean verifySsl) {}
}
