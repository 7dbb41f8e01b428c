package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer when the chain gave no description: 502 when every provider failed, 503 when a cost
 * cap pauses descriptions, 409 when no vision model is configured.
 *
 * @param attempts every provider tried, in order, with what happened
 */
@Schema(name = "AiChainFailure")
record ChainFailure(
    @JsonProperty("detail") String detail,
    @JsonProperty("status_code") int statusCode,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("attempts") List<String> attempts) {}
