package dev.argus.api.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/v1/auth/password}. */
record PasswordChangeRequest(
    @JsonProperty("current_password") @NotNull(message = "current_password is required")
        String currentPassword,
    @Schema(description = "At least 12 characters, at most 72 bytes")
        @JsonProperty("new_password")
        @NotNull(message = "new_password is required")
        String newPassword) {

  @Override
  public String toString() {
    return "PasswordChangeRequest[]";
  }
}
