package dev.argus.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp;
import dev.argus.api.RunningApiTest;
import dev.argus.api.WebSocketClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * People signing in to the running api over HTTP, as a browser does: the first admin's password
 * file, the session and CSRF cookies, the limit on failed sign-ins, the scopes of each role, the
 * last admin, signing out, and API-key clients left as they were.
 */
@TestPropertySource(
    properties = {
      "argus.security.api-key=" + SignInIT.BOOTSTRAP,
      "argus.security.failed-auth-limit-per-minute=3"
    })
class SignInIT extends RunningApiTest {

  static final String BOOTSTRAP = "signin-bootstrap-admin-key-0123456789abcdef";
  private static final Path PASSWORD_FILE = passwordFile();
  private static final String CSRF_REFUSED =
      "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
          + " (GET /api/v1/auth/csrf sets the cookie)";
  private static final String TARGET =
      "{\"name\": \"signin\", \"type\": \"ping\", \"address\": \"127.0.0.1\"}";

  @DynamicPropertySource
  static void adminPasswordFile(DynamicPropertyRegistry registry) {
    registry.add("argus.users.admin-password-file", PASSWORD_FILE::toString);
  }

  @BeforeEach
  void onlyTheFirstAdminAndNoTargets() {
    rows.execute("DELETE FROM users WHERE username <> 'admin'");
    rows.execute("TRUNCATE targets, target_status, probe_results, target_events RESTART IDENTITY");
  }

  @Test
  void theFirstAdminIsCreatedWithARandomPasswordInAFileOnlyItsOwnerReads() throws IOException {
    // Given: the api started with no user and ARGUS_ADMIN_PASSWORD_FILE set
    assertThat(PASSWORD_FILE).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(PASSWORD_FILE)))
        .isEqualTo("rw-------");
    String password = Files.readString(PASSWORD_FILE).strip();
    assertThat(password).hasSizeGreaterThanOrEqualTo(20);

    // When
    ApiHttp.Response signedIn = new Browser(api).signIn("admin", password);

    // Then
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.body())
        .isEqualTo("{\"username\":\"admin\",\"role\":\"admin\",\"scopes\":[\"admin\"]}");
    assertThat(rows.count("SELECT count(*) FROM users WHERE last_login_at IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void signingInSetsAnHttpOnlySameSiteSessionCookieAndAReadableCsrfCookie() {
    // Given
    user("cookie-viewer", "viewer");
    var browser = new Browser(api);
    ApiHttp.Response csrf = browser.csrf();
    assertThat(csrf.status()).isEqualTo(200);
    assertThat(csrf.json().path("header_name").asString()).isEqualTo("X-XSRF-TOKEN");
    assertThat(csrf.json().path("token").asString()).isEqualTo(browser.cookie("XSRF-TOKEN"));
    assertThat(browser.lastSetCookies())
        .singleElement()
        .satisfies(
            header ->
                assertThat(header)
                    .startsWith("XSRF-TOKEN=")
                    .contains("Path=/")
                    .contains("SameSite=Lax")
                    .doesNotContain("HttpOnly")
                    .doesNotContain("Secure"));
    String tokenBefore = browser.cookie("XSRF-TOKEN");

    // When
    ApiHttp.Response signedIn = browser.signIn("cookie-viewer", password("cookie-viewer"));

    // Then: HttpOnly, SameSite=Lax, path /, not Secure over plain HTTP; a new CSRF token
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.json().path("role").asString()).isEqualTo("viewer");
    assertThat(browser.lastSetCookies())
        .filteredOn(header -> header.startsWith("ARGUS_SESSION="))
        .singleElement()
        .satisfies(
            header ->
                assertThat(header)
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Path=/")
                    .doesNotContain("Secure"));
    assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank().isNotEqualTo(tokenBefore);
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    // Given
    user("wrong-password", "operator");

    // When
    ApiHttp.Response wrong = new Browser(api).signIn("wrong-password", "not-the-password-1");
    ApiHttp.Response unknown = new Browser(api).signIn("nobody-here", "not-the-password-1");

    // Then
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"detail\":\"Wrong username or password\"}");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrong.body());
    assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ARGUS_"));
  }

  @Test
  void repeatedFailuresAreRefusedWith429AndRetryAfterEvenWithTheRightPassword() {
    // Given: the limit of 3 failed sign-ins per minute used up
    user("guessed", "operator");
    var browser = new Browser(api);
    for (int i = 0; i < 3; i++) {
      assertThat(browser.signIn("guessed", "wrong-password-" + i).status()).isEqualTo(401);
    }

    // When
    ApiHttp.Response refused = browser.signIn("guessed", password("guessed"));

    // Then
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(refused.json().path("detail").asString())
        .startsWith("Too many failed sign-ins. Try again in ");
    assertThat(browser.cookie("ARGUS_SESSION")).isNull();
  }

  @Test
  void signingInNeedsTheCsrfToken() {
    // Given
    user("no-token", "viewer");
    var browser = new Browser(api);
    browser.csrf();
    String body = "{\"username\": \"no-token\", \"password\": \"" + password("no-token") + "\"}";

    // When: without the header, and with a token of its own making
    ApiHttp.Response without = browser.send("POST", "/api/v1/auth/login", body);
    ApiHttp.Response madeUp =
        api.send(
            "POST",
            "/api/v1/auth/login",
            body,
            "Cookie",
            "XSRF-TOKEN=another-token",
            "X-XSRF-TOKEN",
            "made-up-token");

    // Then
    assertThat(without.status()).isEqualTo(403);
    assertThat(without.json().path("detail").asString()).isEqualTo(CSRF_REFUSED);
    assertThat(madeUp.status()).isEqualTo(403);
    assertThat(madeUp.json().path("detail").asString()).isEqualTo(CSRF_REFUSED);
    assertThat(browser.cookie("ARGUS_SESSION")).isNull();
  }

  @Test
  void aWriteSignedInByTheCookieNeedsTheCsrfTokenAndSucceedsWithIt() {
    // Given
    var operator = signedIn("csrf-operator", "operator");

    // When
    ApiHttp.Response forged = operator.send("POST", "/api/v1/targets", TARGET);
    ApiHttp.Response real = operator.sendWithToken("POST", "/api/v1/targets", TARGET);

    // Then
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().path("detail").asString()).isEqualTo(CSRF_REFUSED);
    assertThat(real.status()).as(real.body()).isEqualTo(201);
    assertThat(rows.count("SELECT count(*) FROM targets")).isEqualTo(1);
  }

  @Test
  void requestsWithAnApiKeyAndNoSessionCookieNeedNoCsrfToken() {
    // When
    ApiHttp.Response created = api.send("POST", "/api/v1/targets", TARGET, "x-api-key", BOOTSTRAP);
    ApiHttp.Response read = api.send("GET", "/api/v1/targets", null, "x-api-key", BOOTSTRAP);

    // Then
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void aRolePassesTheAccessRulesWithItsScopes() {
    // Given
    var viewer = signedIn("role-viewer", "viewer");
    var operator = signedIn("role-operator", "operator");
    var admin = signedIn("role-admin", "admin");

    // Then: a viewer reads but does not write
    assertThat(viewer.send("GET", "/api/v1/targets", null).status()).isEqualTo(200);
    ApiHttp.Response viewerWrite = viewer.sendWithToken("POST", "/api/v1/targets", TARGET);
    assertThat(viewerWrite.status()).isEqualTo(403);
    assertThat(viewerWrite.body())
        .isEqualTo("{\"detail\":\"Your role 'viewer' lacks the 'write:targets' scope\"}");

    // an operator writes, but manages neither users nor keys
    assertThat(operator.sendWithToken("POST", "/api/v1/targets", TARGET).status()).isEqualTo(201);
    assertThat(operator.send("GET", "/api/v1/users", null).status()).isEqualTo(403);
    assertThat(operator.send("GET", "/api/v1/api-keys", null).status()).isEqualTo(403);
    assertThat(
            operator
                .sendWithToken("POST", "/api/v1/users", newUser("by-operator", "viewer"))
                .status())
        .isEqualTo(403);

    // an admin manages both
    assertThat(admin.send("GET", "/api/v1/users", null).status()).isEqualTo(200);
    ApiHttp.Response key =
        admin.sendWithToken(
            "POST", "/api/v1/api-keys", "{\"name\": \"from-ui\", \"scopes\": [\"read:targets\"]}");
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    assertThat(admin.sendWithToken("POST", "/api/v1/users", newUser("by-admin", "viewer")).status())
        .isEqualTo(201);
  }

  @Test
  void meSaysWhoIsSignedInAndOnlyForAPerson() {
    // Given
    var operator = signedIn("me-operator", "operator");

    // When
    ApiHttp.Response me = operator.send("GET", "/api/v1/auth/me", null);
    ApiHttp.Response nobody = api.get("/api/v1/auth/me");
    ApiHttp.Response key = api.send("GET", "/api/v1/auth/me", null, "x-api-key", BOOTSTRAP);

    // Then
    assertThat(me.status()).isEqualTo(200);
    JsonNode body = me.json();
    assertThat(body.path("username").asString()).isEqualTo("me-operator");
    assertThat(body.path("role").asString()).isEqualTo("operator");
    assertThat(body.path("scopes").toString())
        .isEqualTo(
            "[\"read:events\",\"read:devices\",\"write:devices\",\"read:targets\","
                + "\"write:targets\",\"read:models\",\"write:models\",\"read:cameras\","
                + "\"write:cameras\"]");
    assertThat(nobody.status()).isEqualTo(401);
    assertThat(key.status()).isEqualTo(403);
    assertThat(key.json().path("detail").asString()).contains("Only a signed-in person");
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    // Given
    var viewer = signedIn("leaving", "viewer");
    String session = viewer.cookie("ARGUS_SESSION");
    assertThat(rows.count("SELECT count(*) FROM spring_session WHERE principal_name = 'leaving'"))
        .isEqualTo(1);

    // When
    ApiHttp.Response out = viewer.sendWithToken("POST", "/api/v1/auth/logout", null);

    // Then: the session is gone, even for someone who kept its cookie
    assertThat(out.status()).as(out.body()).isEqualTo(204);
    assertThat(viewer.cookie("ARGUS_SESSION")).isNull();
    assertThat(rows.count("SELECT count(*) FROM spring_session WHERE principal_name = 'leaving'"))
        .isZero();
    ApiHttp.Response replayed =
        api.send("GET", "/api/v1/targets", null, "Cookie", "ARGUS_SESSION=" + session);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.json().path("detail").asString()).startsWith("Signed out");
  }

  @Test
  void aDisabledUserIsSignedOutAtTheirNextRequest() {
    // Given
    var operator = signedIn("to-disable", "operator");
    long id = userId("to-disable");

    // When
    ApiHttp.Response disabled =
        api.send("PATCH", "/api/v1/users/" + id, "{\"enabled\": false}", "x-api-key", BOOTSTRAP);

    // Then
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
    assertThat(operator.send("GET", "/api/v1/targets", null).status()).isEqualTo(401);
    assertThat(new Browser(api).signIn("to-disable", password("to-disable")).status())
        .isEqualTo(401);
  }

  @Test
  void theLastEnabledAdminCannotBeRemovedDisabledOrDemoted() {
    // Given: 'admin' is the only admin
    long admin = userId("admin");

    // When
    ApiHttp.Response removed =
        api.send("DELETE", "/api/v1/users/" + admin, null, "x-api-key", BOOTSTRAP);
    ApiHttp.Response demoted =
        api.send(
            "PATCH", "/api/v1/users/" + admin, "{\"role\": \"viewer\"}", "x-api-key", BOOTSTRAP);
    ApiHttp.Response disabled =
        api.send("PATCH", "/api/v1/users/" + admin, "{\"enabled\": false}", "x-api-key", BOOTSTRAP);

    // Then
    for (ApiHttp.Response refused : new ApiHttp.Response[] {removed, demoted, disabled}) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().path("detail").asString())
          .startsWith("'admin' is the last enabled admin");
    }

    // and with a second admin, one of them may go
    user("second-admin", "admin");
    ApiHttp.Response demotedNow =
        api.send(
            "PATCH",
            "/api/v1/users/" + userId("second-admin"),
            "{\"role\": \"operator\"}",
            "x-api-key",
            BOOTSTRAP);
    assertThat(demotedNow.status()).as(demotedNow.body()).isEqualTo(200);
    assertThat(demotedNow.json().path("role").asString()).isEqualTo("operator");
  }

  @Test
  void newUsersAreCheckedAndNamesAreUnique() {
    assertThat(create(newUser("Has Spaces", "viewer")).json().path("detail").asString())
        .startsWith("username must be 1 to 64 characters");
    assertThat(
            create("{\"username\": \"short\", \"password\": \"too-short\", \"role\": \"viewer\"}")
                .json()
                .path("detail")
                .asString())
        .isEqualTo("password must be at least 12 characters long");
    assertThat(create(newUser("rooted", "root")).json().path("detail").asString())
        .isEqualTo("role must be one of admin, operator, viewer, not 'root'");
    ApiHttp.Response first = create(newUser("twice", "viewer"));
    ApiHttp.Response second = create(newUser("twice", "operator"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body()).doesNotContain("password");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().path("detail").asString()).isEqualTo("username 'twice' is taken");
  }

  @Test
  void changingYourPasswordEndsYourOtherSessions() {
    // Given: signed in twice
    var here = signedIn("changer", "viewer");
    var elsewhere = new Browser(api);
    assertThat(elsewhere.signIn("changer", password("changer")).status()).isEqualTo(200);
    String newPassword = "a-brand-new-password-42";

    // When
    ApiHttp.Response wrong =
        here.sendWithToken(
            "POST",
            "/api/v1/auth/password",
            "{\"current_password\": \"not-it-at-all\", \"new_password\": \"" + newPassword + "\"}");
    ApiHttp.Response changed =
        here.sendWithToken(
            "POST",
            "/api/v1/auth/password",
            "{\"current_password\": \""
                + password("changer")
                + "\", \"new_password\": \""
                + newPassword
                + "\"}");

    // Then
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(here.send("GET", "/api/v1/auth/me", null).status()).isEqualTo(200);
    assertThat(elsewhere.send("GET", "/api/v1/auth/me", null).status()).isEqualTo(401);
    assertThat(new Browser(api).signIn("changer", newPassword).status()).isEqualTo(200);
  }

  @Test
  void theLiveWebSocketTakesTheSessionFromTheApisOwnOriginOnly() {
    // Given
    var viewer = signedIn("ws-viewer", "viewer");
    String cookie = "ARGUS_SESSION=" + viewer.cookie("ARGUS_SESSION");
    URI ws = URI.create("ws://127.0.0.1:" + port() + "/ws");

    // Then
    try (WebSocketClient own =
        WebSocketClient.open(ws, "Cookie", cookie, "Origin", "http://127.0.0.1:" + port())) {
      assertThat(own).isNotNull();
    }
    assertThat(
            WebSocketClient.refusedStatus(ws, "Cookie", cookie, "Origin", "https://evil.example"))
        .isEqualTo(403);
    assertThat(WebSocketClient.refusedStatus(ws, "Cookie", cookie)).isEqualTo(403);
  }

  private ApiHttp.Response create(String json) {
    return api.send("POST", "/api/v1/users", json, "x-api-key", BOOTSTRAP);
  }

  /** Creates a user through the api; the password is derived from the name. */
  private void user(String username, String role) {
    ApiHttp.Response created = create(newUser(username, role));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private Browser signedIn(String username, String role) {
    user(username, role);
    var browser = new Browser(api);
    ApiHttp.Response signedIn = browser.signIn(username, password(username));
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    return browser;
  }

  private long userId(String username) {
    return rows.count("SELECT id FROM users WHERE username = '" + username + "'");
  }

  private static String newUser(String username, String role) {
    return "{\"username\": \""
        + username
        + "\", \"password\": \""
        + password(username)
        + "\", \"role\": \""
        + role
        + "\"}";
  }

  private static String password(String username) {
    return "pw-of-" + username + "-0123456789";
  }

  private static Path passwordFile() {
    try {
      return Files.createTempDirectory("argus-signin").resolve("admin-password");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
