package dev.argus.api.users;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code GET /api/v1/auth/csrf}: the header to send the token in, and the token. */
record CsrfTokenResponse(
    @JsonProperty("header_name") String headerName, @JsonProperty("token") String token) {}
