package dev.argus.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to creating a key: the only time the key itself is ever shown. */
record CreatedApiKey(@JsonUnwrapped ApiKey apiKey, @JsonProperty("key") String key) {}
