package dev.argus.api.users;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.signin.Person;
import dev.argus.api.system.signin.Sessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/auth}: a person signs in with a username and password and gets the {@code
 * ARGUS_SESSION} cookie. Signing in needs the CSRF token of {@code GET /api/v1/auth/csrf} (so that
 * no other site can sign a visitor in as someone else); failed attempts are limited per username
 * and per client address, like failed API keys. The other routes are for signed-in people only (see
 * AccessRules).
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthController {

  static final String WRONG_CREDENTIALS = "Wrong username or password";

  private final UserService users;
  private final Sessions sessions;

  AuthController(UserService users, Sessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  @GetMapping("/csrf")
  @Operation(
      summary = "The CSRF token; also sets the XSRF-TOKEN cookie",
      description =
          "Send the token (the XSRF-TOKEN cookie's value) in the header it names with the sign-in"
              + " and with every write signed in by the session cookie. Signing in and out issue"
              + " a new one (read the cookie again).")
  CsrfTokenResponse csrf(HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return new CsrfTokenResponse(token.getHeaderName(), token.getToken());
  }

  @PostMapping("/login")
  @Operation(summary = "Sign in; sets the ARGUS_SESSION cookie (needs the CSRF token)")
  @ApiResponse(
      responseCode = "200",
      description = "Signed in",
      content = @Content(schema = @Schema(implementation = SignedIn.class)))
  @ApiResponse(
      responseCode = "401",
      description = "Wrong username or password",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "403",
      description = "Missing or wrong CSRF token (X-XSRF-TOKEN)",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(
      responseCode = "429",
      description = "Too many failed sign-ins for this username or from this client address",
      headers =
          @Header(
              name = "Retry-After",
              required = true,
              description = "Seconds until a sign-in is allowed again",
              schema = @Schema(type = "integer", format = "int64")),
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> login(
      @Valid @RequestBody LoginRequest login,
      HttpServletRequest request,
      HttpServletResponse response) {
    Sessions.Attempt attempt = sessions.attempt(login.username(), request);
    if (!attempt.allowed()) {
      return tooMany("Too many failed sign-ins", attempt);
    }
    var person = users.authenticate(login.username(), login.password());
    if (person.isEmpty()) {
      sessions.failed(login.username(), request);
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ErrorBody(WRONG_CREDENTIALS));
    }
    sessions.start(person.get(), request, response);
    return ResponseEntity.ok(signedIn(person.get()));
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Sign out: the session ends on every replica and the cookies are cleared")
  void logout(HttpServletRequest request, HttpServletResponse response) {
    sessions.end(request, response);
  }

  @GetMapping("/me")
  @Operation(summary = "Who is signed in, their role and its scopes")
  SignedIn me() {
    return signedIn(current());
  }

  @PostMapping("/password")
  @Operation(
      summary = "Change your own password",
      description =
          "Ends every session of yours, on every device, and starts a new one here (a new"
              + " ARGUS_SESSION and XSRF-TOKEN cookie).")
  @ApiResponse(responseCode = "204", description = "Changed", content = @Content)
  @ApiResponse(
      responseCode = "429",
      description = "Too many wrong current passwords",
      headers =
          @Header(
              name = "Retry-After",
              required = true,
              description = "Seconds until another try is allowed",
              schema = @Schema(type = "integer", format = "int64")),
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> changePassword(
      @Valid @RequestBody PasswordChangeRequest change,
      HttpServletRequest request,
      HttpServletResponse response) {
    Person person = current();
    Sessions.Attempt attempt = sessions.attempt(person.username(), request);
    if (!attempt.allowed()) {
      return tooMany("Too many wrong passwords", attempt);
    }
    if (!users.changeOwnPassword(person, change)) {
      sessions.failed(person.username(), request);
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_CONTENT, "current_password is wrong");
    }
    sessions.start(person, request, response);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ErrorBody> tooMany(String what, Sessions.Attempt attempt) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", Long.toString(attempt.retryAfterSeconds()))
        .body(new ErrorBody(what + ". Try again in " + attempt.retryAfterSeconds() + " seconds."));
  }

  private Person current() {
    return sessions
        .signedIn()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in"));
  }

  private SignedIn signedIn(Person person) {
    return new SignedIn(person.username(), person.role(), sessions.scopesOf(person.role()));
  }
}
