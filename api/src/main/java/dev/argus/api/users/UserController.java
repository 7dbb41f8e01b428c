package dev.argus.api.users;

import dev.argus.api.system.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: managing the people who sign in needs {@code admin} (see AccessRules). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users")
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "Every user: name, role, whether enabled, last sign-in; never passwords")
  List<User> list() {
    return users.all();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a user with a role (admin, operator or viewer)")
  @ApiResponse(responseCode = "201", description = "The user")
  @ApiResponse(
      responseCode = "409",
      description = "The username is taken",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  User create(@Valid @RequestBody NewUserRequest request) {
    return users.create(request);
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change a user's role, enable or disable them, or set a new password",
      description =
          "Disabling a user or setting their password ends all their sessions; a changed role"
              + " counts from their next request.")
  @ApiResponse(responseCode = "200", description = "The user")
  @ApiResponse(
      responseCode = "409",
      description = "The user is the last enabled admin and would no longer be one",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  User change(@PathVariable long id, @Valid @RequestBody UserChangeRequest request) {
    return users.change(id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a user; their sessions end")
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(
      responseCode = "409",
      description = "The user is the last enabled admin",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  void delete(@PathVariable long id) {
    users.delete(id);
  }
}
