package dev.argus.api.cameras;

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
 * {@code /api/v1/cameras}: cameras, start/stop and the connection test. Reads need {@code
 * read:cameras}, changes and tests {@code write:cameras} ({@code admin} implies both; see the
 * security package's AccessRules). Error bodies carry {@code status_code}, as the camera seed's do.
 */
@RestController
@RequestMapping("/api/v1/cameras")
@Tag(name = "cameras")
class CameraController {

  private final CameraService cameras;
  private final CameraConnectionTests tests;

  CameraController(CameraService cameras, CameraConnectionTests tests) {
    this.cameras = cameras;
    this.tests = tests;
  }

  @GetMapping
  @Operation(summary = "Every camera, by name, with its newest status; passwords never")
  CameraList list() {
    return cameras.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a camera; collectors start capturing from it",
      description =
          "The password is stored encrypted and never returned (has_password says whether one is"
              + " set). Fields left out take their defaults; motion and analysis defaults come"
              + " from the camera settings.")
  @ApiResponse(
      responseCode = "409",
      description = "Another camera has this name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Camera create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = CameraRequest.class)))
          @RequestBody
          JsonNode body) {
    return cameras.create(body);
  }

  @PostMapping("/test")
  @Operation(
      summary = "Connect to a camera that is not saved and read one frame, within 10 s",
      description =
          "The body is a create body, checked as on create (422). A camera failure (refused,"
              + " timeout, 401, 404, not a picture) is success false with the reason, not an HTTP"
              + " error.")
  @ApiResponse(responseCode = "200", description = "The test's outcome, success or not")
  CameraTestResult test(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = CameraRequest.class)))
          @RequestBody
          JsonNode body) {
    return tests.test(body);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One camera with its newest status")
  Camera get(@PathVariable UUID id) {
    return cameras.get(id);
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Change the given fields of a camera",
      description =
          "Fields left out keep their value, null resets one to its default. The stored password"
              + " is kept unless password is sent: a string replaces it, null or \"\" removes it."
              + " The read-only fields of an answer (id, has_password, started, status, created_at,"
              + " updated_at) may be sent back and are ignored.")
  @ApiResponse(responseCode = "200", description = "The camera")
  @ApiResponse(
      responseCode = "409",
      description = "Another camera has this name",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Camera update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = CameraRequest.class)))
          @RequestBody
          JsonNode body) {
    return cameras.update(id, body);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a camera; collectors stop capturing (its events are kept)")
  void delete(@PathVariable UUID id) {
    cameras.delete(id);
  }

  @PostMapping("/{id}/start")
  @Operation(summary = "Start the camera's worker (while it is enabled)")
  @ApiResponse(responseCode = "200", description = "The camera")
  Camera start(@PathVariable UUID id) {
    return cameras.setStarted(id, true);
  }

  @PostMapping("/{id}/stop")
  @Operation(summary = "Stop the camera's worker; the camera stays configured")
  @ApiResponse(responseCode = "200", description = "The camera")
  Camera stop(@PathVariable UUID id) {
    return cameras.setStarted(id, false);
  }
}
