package dev.argus.api.system.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the list endpoints, bound from {@code argus.api.paging.*}.
 *
 * @param exactCountLimit {@code ARGUS_API_EXACT_COUNT_LIMIT}: an unfiltered list whose table the
 *     planner estimates above this many rows reports the estimate as {@code total} (with {@code
 *     total_is_estimate: true}) instead of counting; 0 always estimates unfiltered lists
 */
@ConfigurationProperties("argus.api.paging")
public record PagingProperties(long exactCountLimit) {

  public PagingProperties {
    if (exactCountLimit < 0) {
      throw new IllegalArgumentException(
          "argus.api.paging.exact-count-limit (ARGUS_API_EXACT_COUNT_LIMIT) must not be negative,"
              + " was "
              + exactCountLimit);
    }
  }
}
