package dev.argus.api.cameras.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of events, the camera seed's envelope {@code {items, total, page, limit, pages}}, plus
 * {@code total_is_estimate} (see the system paging's PagedQuery).
 */
@Schema(name = "CameraEventPage")
record CameraEventPage(
    @JsonProperty("items") List<CameraEventSummary> items,
    @JsonProperty("total") long total,
    @JsonProperty("page") int page,
    @JsonProperty("limit") int limit,
    @Schema(description = "How many pages of this limit the total fills") @JsonProperty("pages")
        long pages,
    @JsonProperty("total_is_estimate") boolean totalIsEstimate) {

  static final int MAX_LIMIT = 100;
  static final String LIMIT_RULE = "limit must be between 1 and 100";

  static long pages(long total, int limit) {
    return (total + limit - 1) / limit;
  }
}
