package dev.argus.api.system.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/system/storage}.
 *
 * @param databaseBytes the whole database ({@code pg_database_size})
 * @param tables every table of the schema, largest first
 * @param frames the JPEG frames of camera events, in all and per camera
 * @param retention what the processor's event retention deletes next
 */
record StorageReport(
    @JsonProperty("database_bytes") long databaseBytes,
    List<TableSize> tables,
    FrameStorage frames,
    RetentionPreview retention) {

  /**
   * @param rowsEstimate the planner's estimate (0 for a table never analysed)
   * @param bytes table, indexes and TOAST ({@code pg_total_relation_size}; for a TimescaleDB
   *     hypertable, its chunks)
   */
  record TableSize(String name, @JsonProperty("rows_estimate") long rowsEstimate, long bytes) {}

  record FrameStorage(
      @JsonProperty("frame_count") long frameCount,
      @JsonProperty("frame_bytes") long frameBytes,
      @JsonProperty("thumbnail_bytes") long thumbnailBytes,
      List<CameraFrames> cameras) {}

  /**
   * @param cameraName as the newest of its events named it
   * @param frameBytes the JPEG bytes of the camera's event frames
   * @param thumbnailBytes its events' thumbnails
   */
  record CameraFrames(
      @JsonProperty("camera_id") String cameraId,
      @JsonProperty("camera_name") @Schema(nullable = true) String cameraName,
      long events,
      @JsonProperty("frame_count") long frameCount,
      @JsonProperty("frame_bytes") long frameBytes,
      @JsonProperty("thumbnail_bytes") long thumbnailBytes) {}

  /**
   * @param cutoff events that occurred before this are due for deletion
   * @param events how many events that is
   * @param frameBytes the JPEG bytes of their frames and thumbnails
   */
  record RetentionPreview(
      @JsonProperty("event_retention_days") int eventRetentionDays,
      Instant cutoff,
      long events,
      @JsonProperty("frame_count") long frameCount,
      @JsonProperty("frame_bytes") long frameBytes) {}
}
