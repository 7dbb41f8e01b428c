package dev.argus.api.llm.providers;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/v1/providers}: every account, by display name. */
record ProviderList(
    @JsonProperty("providers") List<Provider> providers, @JsonProperty("total") int total) {}
