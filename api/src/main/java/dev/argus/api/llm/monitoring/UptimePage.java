package dev.argus.api.llm.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/v1/monitoring/uptime}: probes newest first, and how many match in all. */
record UptimePage(
    @JsonProperty("items") List<UptimeItem> items, @JsonProperty("total") long total) {}
