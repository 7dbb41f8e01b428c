package dev.argus.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The query-string rules of {@link QueryParameterFilter}, on raw query strings. */
class QueryParameterFilterTest {

  @Test
  void wellFormedQueriesPass() {
    assertThat(QueryParameterFilter.problem(null)).isEmpty();
    assertThat(QueryParameterFilter.problem("")).isEmpty();
    assertThat(QueryParameterFilter.problem("page=2&page_size=50")).isEmpty();
    assertThat(QueryParameterFilter.problem("device_id=%C3%A9t%C3%A9+1&&flag&empty=")).isEmpty();
    assertThat(QueryParameterFilter.problem("q=%F0%9F%94%8B&plus=%2B")).isEmpty();
  }

  @Test
  void aNulInANameOrValueIsNamed() {
    assertThat(QueryParameterFilter.problem("page=1&device_id=ups%00"))
        .contains("device_id: must not contain NUL characters");
    assertThat(QueryParameterFilter.problem("dev%00ice=1"))
        .contains("query parameter name: must not contain NUL characters");
  }

  @Test
  void invalidUtf8OrPercentEncodingIsNamed() {
    assertThat(QueryParameterFilter.problem("event_type=%FF%FE"))
        .contains("event_type: is not valid UTF-8");
    // An overlong encoding of '/' and a lone continuation byte are not UTF-8 either.
    assertThat(QueryParameterFilter.problem("a=%C0%AF")).contains("a: is not valid UTF-8");
    assertThat(QueryParameterFilter.problem("a=%80")).contains("a: is not valid UTF-8");
    assertThat(QueryParameterFilter.problem("site=%4"))
        .contains("site: is not valid percent-encoding (use %XX with two hex digits)");
    assertThat(QueryParameterFilter.problem("site=%zz"))
        .contains("site: is not valid percent-encoding (use %XX with two hex digits)");
    assertThat(QueryParameterFilter.problem("%FF=1"))
        .contains("query parameter name '%FF' is not valid UTF-8");
  }

  @Test
  void aValueWithoutANameIsRefused() {
    assertThat(QueryParameterFilter.problem("page=1&=5"))
        .contains("query string: '=5' has no parameter name; use name=value");
  }
}
