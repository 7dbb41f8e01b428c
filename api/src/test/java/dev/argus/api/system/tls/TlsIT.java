package dev.argus.api.system.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.RunningApiTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api with {@code ARGUS_API_TLS_CERTIFICATE} and {@code ARGUS_API_TLS_PRIVATE_KEY} set to a
 * self-signed certificate made for the test: it serves HTTPS with that certificate (a client that
 * trusts it alone connects, with host name checks), refuses plain HTTP, and {@code GET
 * /api/v1/system/ssl-status} describes the certificate.
 */
@TestPropertySource(properties = "argus.security.api-key=" + TlsIT.KEY)
class TlsIT extends RunningApiTest {

  static final String KEY = "tls-bootstrap-admin-key-0123456789abcdef";
  private static final SelfSignedCertificate CERTIFICATE =
      SelfSignedCertificate.create("CN=localhost, O=Argus Test", 30);

  @DynamicPropertySource
  static void tls(DynamicPropertyRegistry registry) {
    registry.add("argus.api.tls.certificate", () -> CERTIFICATE.certificate().toString());
    registry.add("argus.api.tls.private-key", () -> CERTIFICATE.privateKey().toString());
  }

  @Test
  void theApiServesHttpsWithTheCertificateAndReportsIt() throws Exception {
    // Given: a client that trusts the test certificate alone
    HttpClient https = HttpClient.newBuilder().sslContext(CERTIFICATE.trustingIt()).build();

    // When
    HttpResponse<String> answer =
        https.send(
            HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port() + "/api/v1/system/ssl-status"))
                .header("x-api-key", KEY)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // Then: the connection was TLS with the certificate, and the api says so
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.sslSession()).isPresent();
    assertThat(answer.sslSession().get().getPeerCertificates()[0]).isEqualTo(CERTIFICATE.x509());
    JsonNode status = JsonMapper.builder().build().readTree(answer.body());
    assertThat(status.path("enabled").asBoolean()).isTrue();
    assertThat(status.path("certificate_path").asString())
        .isEqualTo(CERTIFICATE.certificate().toString());
    JsonNode certificate = status.path("certificate");
    assertThat(certificate.path("subject").asString()).isEqualTo("CN=localhost,O=Argus Test");
    assertThat(certificate.path("issuer").asString()).isEqualTo("CN=localhost,O=Argus Test");
    assertThat(certificate.path("self_signed").asBoolean()).isTrue();
    assertThat(certificate.path("serial_number").asString())
        .isEqualTo(CERTIFICATE.x509().getSerialNumber().toString(16));
    List<String> names = new ArrayList<>();
    certificate.path("subject_alt_names").forEach(n -> names.add(n.asString()));
    assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1");
    assertThat(Instant.parse(certificate.path("not_after").asString()))
        .isEqualTo(CERTIFICATE.x509().getNotAfter().toInstant());
    assertThat(Instant.parse(certificate.path("not_before").asString()))
        .isEqualTo(CERTIFICATE.x509().getNotBefore().toInstant());
    // 30 days of validity from a moment ago: 29 whole days and some hours left
    assertThat(certificate.path("days_left").asLong()).isEqualTo(29);
    assertThat(certificate.path("expired").asBoolean()).isFalse();
    assertThat(certificate.path("chain_length").asInt()).isEqualTo(1);
  }

  @Test
  void plainHttpIsNotServed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/api/v1/system/ssl-status"))
            .header("x-api-key", KEY)
            .timeout(Duration.ofSeconds(30))
            .build();

    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException e) {
      status = -1;
    }

    // Tomcat answers a plain request on its TLS port with 400, or the connection fails.
    assertThat(status).isIn(-1, 400);
  }

  @Test
  void theSignInCookiesAreSecureOverHttps() throws Exception {
    // Given: a person, and a browser that trusts the test certificate
    HttpClient https =
        HttpClient.newBuilder()
            .sslContext(CERTIFICATE.trustingIt())
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    String base = "https://127.0.0.1:" + port();
    HttpResponse<String> created =
        https.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/users"))
                .header("x-api-key", KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"tls-person\", \"password\": \"tls-password-0123\","
                            + " \"role\": \"viewer\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    // When
    HttpResponse<String> csrf =
        https.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/csrf")).build(),
            HttpResponse.BodyHandlers.ofString());
    String token = JsonMapper.builder().build().readTree(csrf.body()).path("token").asString();
    HttpResponse<String> signedIn =
        https.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"tls-person\", \"password\": \"tls-password-0123\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // Then: both cookies are Secure over TLS (and not over plain HTTP: SignInIT)
    assertThat(csrf.headers().allValues("Set-Cookie"))
        .singleElement()
        .asString()
        .startsWith("XSRF-TOKEN=")
        .contains("Secure");
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .filteredOn(cookie -> cookie.startsWith("ARGUS_SESSION="))
        .singleElement()
        .asString()
        .contains("Secure", "HttpOnly", "SameSite=Lax");
  }
}
