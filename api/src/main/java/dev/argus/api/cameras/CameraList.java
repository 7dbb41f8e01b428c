package dev.argus.api.cameras;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/v1/cameras}: every camera, by name. */
record CameraList(
    @JsonProperty("cameras") List<Camera> cameras, @JsonProperty("total") int total) {}
