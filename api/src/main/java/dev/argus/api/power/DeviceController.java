package dev.argus.api.power;

import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/devices} and {@code GET /api/devices/{device_id}} (read-only for now). */
@RestController
@RequestMapping("/api/devices")
@Tag(name = "devices")
class DeviceController {

  private final DeviceRepository devices;

  DeviceController(DeviceRepository devices) {
    this.devices = devices;
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
    return devices
        .find(deviceId)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Device '" + deviceId + "' not found"));
  }
}
