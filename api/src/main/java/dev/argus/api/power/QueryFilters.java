package dev.argus.api.power;

import org.springframework.util.StringUtils;

/** Normalises optional filter parameters. */
final class QueryFilters {

  private QueryFilters() {}

  /**
   * A filter value, or null for "no filter". An empty value counts as absent, as in the seed's
   * example {@code ?page=1&page_size=50&device_id=}.
   */
  static String optional(String value) {
    return StringUtils.hasText(value) ? value : null;
  }
}
