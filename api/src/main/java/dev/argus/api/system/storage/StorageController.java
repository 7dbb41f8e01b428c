package dev.argus.api.system.storage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/system/storage}. */
@RestController
@Tag(name = "system")
class StorageController {

  private final StorageRepository storage;

  StorageController(StorageRepository storage) {
    this.storage = storage;
  }

  @GetMapping("/api/v1/system/storage")
  @Transactional(readOnly = true)
  @Operation(
      summary =
          "Database size, size and estimated rows per table, camera frame storage per"
              + " camera, and what the event retention will free")
  StorageReport storage() {
    return new StorageReport(
        storage.databaseBytes(), storage.tables(), storage.frames(), storage.retention());
  }
}
