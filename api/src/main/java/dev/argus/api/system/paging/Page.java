package dev.argus.api.system.paging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a list endpoint, the seed's envelope {@code {"page", "page_size", "total", "items"}}
 * plus {@code total_is_estimate}. The constants are the paging rules shared by the list endpoints'
 * query parameters.
 *
 * @param page 1-based page number that was asked for
 * @param pageSize the most items a page holds
 * @param total how many items match the filters on all pages
 * @param items this page's items, newest first
 * @param totalIsEstimate true when {@code total} is the planner's estimate (an unfiltered list of a
 *     large table, where an exact count would cost more than the page); see {@link PagedQuery}
 */
public record Page<T>(
    int page,
    @JsonProperty("page_size") int pageSize,
    long total,
    List<T> items,
    @JsonProperty("total_is_estimate") boolean totalIsEstimate) {

  public static final String DEFAULT_PAGE = "1";
  public static final String DEFAULT_PAGE_SIZE = "50";
  public static final int MAX_PAGE_SIZE = 200;
  public static final String PAGE_RULE = "page must be at least 1";
  public static final String PAGE_SIZE_RULE = "page_size must be between 1 and 200";

  /** A page with an exact total. */
  public Page(int page, int pageSize, long total, List<T> items) {
    this(page, pageSize, total, items, false);
  }

  /** Rows to skip before the given page; a long, since page × page_size can exceed an int. */
  static long offset(int page, int pageSize) {
    return (long) (page - 1) * pageSize;
  }
}
