package dev.argus.api.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/v1/auth/login}. */
record LoginRequest(
    @JsonProperty("username") @NotNull(message = "username is required") String username,
    @JsonProperty("password") @NotNull(message = "password is required") String password) {

  @Override
  public String toString() {
    return "LoginRequest[username=" + username + "]";
  }
}
