package dev.argus.api.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.api.ApiHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Targets may not point at cloud metadata or other refused addresses, in any spelling, while LAN
 * and loopback stay allowed; credentials in a URL are stored for the collector but masked in
 * responses.
 */
class TargetDestinationsIT extends TargetsApiTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http | http://169.254.169.254/latest/meta-data | 169.254.169.254 is a cloud metadata"
            + " address",
        "http | http://[::ffff:169.254.169.254]/ | means 169.254.169.254, a cloud metadata address",
        "http | http://[::ffff:a9fe:a9fe]/ | means 169.254.169.254, a cloud metadata address",
        "http | http://2852039166/ | 2852039166 means 169.254.169.254, a cloud metadata address",
        "http | http://0xa9fea9fe/ | 0xa9fea9fe means 169.254.169.254, a cloud metadata address",
        "tcp | 0251.0376.0251.0376:80 | means 169.254.169.254, a cloud metadata address",
        "ping | 0251.0376.0251.0376 | means 169.254.169.254, a cloud metadata address",
        "http | http://metadata.google.internal/computeMetadata/v1/ | a cloud metadata service",
        "https | https://100.100.100.200/ | 100.100.100.200 is a cloud metadata address",
        "https | https://[fd00:ec2::254]/ | a cloud metadata address",
        "http | http://0.0.0.0:8080/ | 0.0.0.0 is the unspecified address",
        "http | http://[fe80::1]:8080/ | a link-local address",
        "tcp | 169.254.169.254:80 | 169.254.169.254 is a cloud metadata address",
        "tcp | [::ffff:169.254.169.254]:80 | means 169.254.169.254, a cloud metadata address",
        "tcp | 0.0.0.0:22 | 0.0.0.0 is the unspecified address",
        "ping | 169.254.169.254 | 169.254.169.254 is a cloud metadata address",
        "ping | 2852039166 | 2852039166 means 169.254.169.254, a cloud metadata address",
        "ping | 0 | 0 means 0.0.0.0, the unspecified address",
        "ping | 224.0.0.1 | a multicast address",
      })
  void aTargetAtARefusedAddressIs422NamingTheAddressAndIsNotStored(
      String type, String address, String reason) {
    // When
    Response response = create("metadata", type, address);

    // Then
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asString()).startsWith("address: ").contains(reason);
    assertThat(rows.count("SELECT count(*) FROM targets")).isZero();
    assertThat(rows.count("SELECT count(*) FROM config_outbox")).isZero();
  }

  @Test
  void anOctalHostIsNotEvenAUrlHost() {
    // java.net.URI, like the collector's HTTP client, does not take it as a host at all.
    Response response = create("octal", "http", "http://0251.0376.0251.0376/");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().path("detail").asString())
        .contains("must be an absolute http(s) URL");
  }

  @Test
  void loopbackLanUnresolvedNamesAndDnsQuestionsAreAccepted() {
    assertThat(create("loopback", "http", "http://127.0.0.1:8080/health").status()).isEqualTo(201);
    assertThat(create("localhost", "https", "https://localhost:8443/").status()).isEqualTo(201);
    assertThat(create("lan", "tcp", "192.168.1.10:22").status()).isEqualTo(201);
    assertThat(create("v6", "tcp", "[::1]:22").status()).isEqualTo(201);
    assertThat(create("router", "ping", "10.0.0.1").status()).isEqualTo(201);
    assertThat(create("down", "http", "http://not-in-dns-yet.invalid/").status()).isEqualTo(201);
    // A dns target asks about the name; it does not connect to it.
    assertThat(create("dns", "dns", "metadata.google.internal").status()).isEqualTo(201);
  }

  @Test
  void aPatchToARefusedAddressIs422AndKeepsTheStoredAddress() {
    long id = target(body("web", "http", "http://127.0.0.1:8080/"));

    Response patched =
        admin("PATCH", "/api/v1/targets/" + id, "{\"address\": \"http://2852039166/\"}");

    assertThat(patched.status()).isEqualTo(422);
    assertThat(patched.json().path("detail").asString()).contains("cloud metadata");
    assertThat(admin("GET", "/api/v1/targets/" + id, null).json().path("address").asString())
        .isEqualTo("http://127.0.0.1:8080/");
  }

  @Test
  void credentialsInAUrlAreMaskedInResponsesAndKeptWhenTheMaskedUrlIsSentBack() {
    // Given a target whose URL carries a user and password
    Response created = create("secured", "http", "http://monitor:s3cret@127.0.0.1:8080/status");
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().path("id").asLong();

    // Then responses mask the password, and the collectors get it
    String masked = "http://monitor:********@127.0.0.1:8080/status";
    assertThat(created.json().path("address").asString()).isEqualTo(masked);
    assertThat(admin("GET", "/api/v1/targets/" + id, null).json().path("address").asString())
        .isEqualTo(masked);
    assertThat(admin("GET", "/api/v1/targets", null).body()).doesNotContain("s3cret");
    assertThat(outboxAddress(id)).isEqualTo("http://monitor:s3cret@127.0.0.1:8080/status");

    // When the masked URL is sent back with another change, by PUT and by PATCH
    Response put = admin("PUT", "/api/v1/targets/" + id, body("renamed", "http", masked));
    Response patch =
        admin(
            "PATCH",
            "/api/v1/targets/" + id,
            "{\"address\": \"" + masked + "\", \"failure_threshold\": 5}");

    // Then the stored password is kept
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(patch.status()).as(patch.body()).isEqualTo(200);
    assertThat(storedAddress(id)).isEqualTo("http://monitor:s3cret@127.0.0.1:8080/status");
    assertThat(outboxAddress(id)).isEqualTo("http://monitor:s3cret@127.0.0.1:8080/status");

    // And the masked password does not travel to another host or user
    Response otherHost =
        admin(
            "PUT",
            "/api/v1/targets/" + id,
            body("renamed", "http", "http://monitor:********@192.168.1.99:8080/status"));
    Response otherUser =
        admin(
            "PUT",
            "/api/v1/targets/" + id,
            body("renamed", "http", "http://admin:********@127.0.0.1:8080/status"));
    assertThat(otherHost.status()).isEqualTo(422);
    assertThat(otherHost.json().path("detail").asString()).contains("masked password");
    assertThat(otherUser.status()).isEqualTo(422);

    // And a new password replaces the stored one
    Response changed =
        admin(
            "PUT",
            "/api/v1/targets/" + id,
            body("renamed", "http", "http://monitor:n3w@127.0.0.1:8080/status"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(storedAddress(id)).isEqualTo("http://monitor:n3w@127.0.0.1:8080/status");
  }

  @Test
  void aLoneUserInfoTokenIsMaskedWhole() {
    Response created = create("token", "https", "https://ghp_token123@localhost/health");

    assertThat(created.json().path("address").asString())
        .isEqualTo("https://********@localhost/health");
  }

  private Response create(String name, String type, String address) {
    return admin("POST", "/api/v1/targets", body(name, type, address));
  }

  private static String body(String name, String type, String address) {
    return "{\"name\": \""
        + name
        + "\", \"type\": \""
        + type
        + "\", \"address\": \""
        + address
        + "\"}";
  }

  private String storedAddress(long id) {
    return rows.text("SELECT address FROM targets WHERE id = " + id);
  }

  private String outboxAddress(long id) {
    return rows.text(
        "SELECT record_value->'target'->>'address' FROM config_outbox WHERE record_key = 'target/"
            + id
            + "' ORDER BY seq DESC LIMIT 1");
  }
}
