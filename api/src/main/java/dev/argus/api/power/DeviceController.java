package dev.argus.api.power;

import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/devices}: reads (public) and writes (API key with {@code write:devices}). Writes
 * reach the collectors through {@code argus.config}.
 */
@RestController
@RequestMapping("/api/devices")
@Tag(name = "devices")
class DeviceController {

  /** The body's fields in declaration order, the order in which their problems are listed. */
  private static final List<String> FIELDS =
      Arrays.stream(DeviceRequest.class.getRecordComponents())
          .map(RecordComponent::getName)
          .toList();

  private final DeviceRepository devices;
  private final DeviceWrites writes;
  private final Validator validator;

  DeviceController(DeviceRepository devices, DeviceWrites writes, Validator validator) {
    this.devices = devices;
    this.writes = writes;
    this.validator = validator;
  }

  @GetMapping
  @Operation(summary = "All configured devices, credentials removed")
  List<Device> list() {
    return devices.all();
  }

  @GetMapping("/{device_id}")
  @Operation(summary = "One device, credentials removed")
  @ApiResponse(responseCode = "200", description = "The device")
  @ApiResponse(
      responseCode = "404",
      description = "No such device",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Device get(@PathVariable("device_id") String deviceId) {
    return devices.find(deviceId).orElseThrow(() -> notFound(deviceId));
  }

  @PostMapping
  @Operation(summary = "Add a device")
  @ApiResponse(responseCode = "201", description = "Created; the device, credentials removed")
  @ApiResponse(
      responseCode = "409",
      description = "The id is taken",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "422",
      description = "Invalid device",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<Device> create(@RequestBody DeviceRequest device) {
    requireValid(problems("", device));
    if (!writes.create(device)) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Device '" + device.id() + "' already exists");
    }
    return ResponseEntity.created(URI.create("/api/devices/" + device.id())).body(get(device.id()));
  }

  @PutMapping("/{device_id}")
  @Operation(
      summary = "Update a device",
      description =
          "Credentials left out of connection_config keep their stored value; null removes one.")
  @ApiResponse(responseCode = "200", description = "The device, credentials removed")
  @ApiResponse(
      responseCode = "404",
      description = "No such device",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  Device update(@PathVariable("device_id") String deviceId, @RequestBody DeviceRequest device) {
    if (device.id() != null && !device.id().equals(deviceId)) {
      throw unprocessable(
          "id in the body ('" + device.id() + "') differs from the path ('" + deviceId + "')");
    }
    DeviceRequest withId = device.withId(deviceId);
    requireValid(problems("", withId));
    if (writes.update(withId) == DeviceWrites.Result.NOT_FOUND) {
      throw notFound(deviceId);
    }
    return get(deviceId);
  }

  @DeleteMapping("/{device_id}")
  @Operation(summary = "Delete a device")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(
      responseCode = "404",
      description = "No such device",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<Void> delete(@PathVariable("device_id") String deviceId) {
    if (writes.delete(deviceId) == DeviceWrites.Result.NOT_FOUND) {
      throw notFound(deviceId);
    }
    return ResponseEntity.noContent().build();
  }

  @PutMapping
  @Operation(
      summary = "Replace all devices",
      description = "Devices not in the list are deleted; all changes commit together.")
  @ApiResponse(responseCode = "200", description = "The devices now configured")
  @ApiResponse(
      responseCode = "422",
      description = "An invalid device or a repeated id; nothing is changed",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  List<Device> replaceAll(@RequestBody List<DeviceRequest> replacement) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < replacement.size(); i++) {
      DeviceRequest device = replacement.get(i);
      if (device == null) {
        problems.add("devices[" + i + "] must be an object");
        continue;
      }
      problems.addAll(problems("devices[" + i + "].", device));
      if (device.id() != null && !ids.add(device.id())) {
        problems.add("devices[" + i + "].id '" + device.id() + "' is listed more than once");
      }
    }
    requireValid(problems);
    writes.replaceAll(replacement);
    return devices.all();
  }

  /**
   * What is wrong with {@code device} (its Bean Validation constraints), each problem prefixed with
   * {@code where} (e.g. {@code "devices[2]."}), in the order of the fields; empty when it is valid.
   * Called here rather than by {@code @Valid}: an update is validated with the path's id filled in,
   * and the items of a replacement are named by their index.
   */
  private List<String> problems(String where, DeviceRequest device) {
    return validator.validate(device).stream()
        .sorted(
            Comparator.comparingInt(
                    (ConstraintViolation<DeviceRequest> violation) ->
                        FIELDS.indexOf(violation.getPropertyPath().toString()))
                .thenComparing(ConstraintViolation::getMessage))
        .map(violation -> where + violation.getMessage())
        .toList();
  }

  private static void requireValid(List<String> problems) {
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems));
    }
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }

  private static ResponseStatusException notFound(String deviceId) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "Device '" + deviceId + "' not found");
  }
}
