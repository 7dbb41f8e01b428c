package dev.argus.api.llm.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /api/v1/models}. */
record ModelList(
    @JsonProperty("items") List<Model> items,
    @JsonProperty("total") long total,
    @JsonProperty("has_more") boolean hasMore) {}
