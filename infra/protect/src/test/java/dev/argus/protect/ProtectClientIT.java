package dev.argus.protect;

import static dev.argus.protect.testing.LoopbackProtectController.DOORBELL;
import static dev.argus.protect.testing.LoopbackProtectController.FRONT_CAMERA;
import static dev.argus.protect.testing.LoopbackProtectController.YARD_CAMERA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.protect.ProtectException.Kind;
import dev.argus.protect.testing.LoopbackProtectController;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the loopback controller over real TLS sockets: login, the refusals people meet
 * (wrong password, an untrusted certificate, nothing listening) and a re-login when the cookie
 * expired.
 */
class ProtectClientIT {

  private static final ProtectTimeouts TIMEOUTS =
      new ProtectTimeouts(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  private static LoopbackProtectController controller;

  @BeforeAll
  static void startController() throws Exception {
    controller = LoopbackProtectController.start();
  }

  @AfterAll
  static void stopController() {
    controller.close();
  }

  @Test
  void logsInAndReadsTheBootstrap() throws Exception {
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS)) {
      Bootstrap bootstrap = client.bootstrap();

      assertThat(bootstrap.nvrId()).isEqualTo(LoopbackProtectController.NVR_ID);
      assertThat(bootstrap.nvrName()).isEqualTo("Loopback NVR");
      assertThat(bootstrap.nvrVersion()).isEqualTo("5.1.200");
      assertThat(bootstrap.lastUpdateId()).isEqualTo(controller.lastUpdateId()).isNotBlank();
      assertThat(bootstrap.cameras())
          .containsExactly(
              new ProtectCamera(
                  FRONT_CAMERA,
                  "Front",
                  "UVC G4 Bullet",
                  "CONNECTED",
                  false,
                  List.of("person", "vehicle")),
              new ProtectCamera(
                  DOORBELL,
                  "Door",
                  "UVC G4 Doorbell Pro",
                  "CONNECTED",
                  true,
                  List.of("person", "package")),
              new ProtectCamera(
                  YARD_CAMERA, "Yard", "UVC G3 Flex", "DISCONNECTED", false, List.of()));
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithWhatToCheck() {
    int refused = controller.refusedLogins();
    try (ProtectClient client =
        new ProtectClient(controller.endpoint("not-the-password"), TIMEOUTS)) {
      assertThatThrownBy(client::bootstrap)
          .isInstanceOfSatisfying(
              ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
          .hasMessage("login refused: 401 Unauthorized (check the user name and password)")
          .message()
          .doesNotContain("not-the-password");
    }
    assertThat(controller.refusedLogins()).isEqualTo(refused + 1);
  }

  @Test
  void theSelfSignedCertificateIsRefusedWhenVerificationIsOn() {
    ProtectEndpoint verifying =
        new ProtectEndpoint(
            controller.host(),
            controller.port(),
            LoopbackProtectController.USERNAME,
            LoopbackProtectController.PASSWORD,
            true);
    try (ProtectClient client = new ProtectClient(verifying, TIMEOUTS)) {
      assertThatThrownBy(client::bootstrap)
          .isInstanceOfSatisfying(
              ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TLS))
          .hasMessage("certificate not trusted (turn verify_ssl off for a self-signed controller)");
    }
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ProtectEndpoint nowhere =
        new ProtectEndpoint("127.0.0.1", closed, "user", "secret-password", false);
    try (ProtectClient client = new ProtectClient(nowhere, TIMEOUTS)) {
      assertThatThrownBy(client::bootstrap)
          .isInstanceOfSatisfying(
              ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageStartingWith("connection refused");
    }
  }

  @Test
  void aPortThatAcceptsButNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ProtectEndpoint mute =
          new ProtectEndpoint("127.0.0.1", silent.getLocalPort(), "user", "secret", false);
      ProtectTimeouts quick =
          new ProtectTimeouts(
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1));
      try (ProtectClient client = new ProtectClient(mute, quick)) {
        assertThatThrownBy(client::bootstrap)
            .isInstanceOfSatisfying(
                ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
      }
      assertThat(ProtectConnectionTest.run(mute, Duration.ofSeconds(1)))
          .isEqualTo(new ProtectTestResult(false, "no answer within 1 s", null, null, null));
    }
  }

  @Test
  void anExpiredCookieIsRenewedByOneMoreLogin() throws Exception {
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS)) {
      int before = controller.logins();
      client.bootstrap();
      assertThat(controller.logins()).isEqualTo(before + 1);

      controller.expireSessions();
      Bootstrap again = client.bootstrap();

      assertThat(again.nvrName()).isEqualTo("Loopback NVR");
      assertThat(controller.logins()).isEqualTo(before + 2);
    }
  }

  @Test
  void aCookieThatOutlivesItsLifetimeIsRenewedToo() throws Exception {
    controller.setCookieLifetime(Duration.ZERO);
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS)) {
      int before = controller.logins();

      assertThatThrownBy(client::bootstrap)
          .isInstanceOfSatisfying(
              ProtectException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
          .hasMessageContaining("401 Unauthorized right after a fresh login");
      assertThat(controller.logins()).isEqualTo(before + 2);
    } finally {
      controller.setCookieLifetime(Duration.ofHours(1));
    }
  }

  @Test
  void theCsrfTokenGoesBackAndARotatedOneReplacesIt() throws Exception {
    try (ProtectClient client = new ProtectClient(controller.endpoint(), TIMEOUTS)) {
      client.bootstrap();
      String first = controller.csrfTokenSeen();
      String rotated = controller.rotateCsrfToken();
      client.bootstrap();
      String announcedOn = controller.csrfTokenSeen();
      client.bootstrap();

      assertThat(first).isNotBlank();
      assertThat(announcedOn).isEqualTo(first);
      assertThat(controller.csrfTokenSeen()).isEqualTo(rotated).isNotEqualTo(first);
    }
  }

  @Test
  void theConnectionTestSaysWhatItFound() {
    ProtectTestResult ok = ProtectConnectionTest.run(controller.endpoint(), Duration.ofSeconds(10));
    ProtectTestResult refused =
        ProtectConnectionTest.run(controller.endpoint("wrong"), Duration.ofSeconds(10));

    assertThat(ok)
        .isEqualTo(
            new ProtectTestResult(
                true,
                "Connected to NVR 'Loopback NVR' (version 5.1.200): 3 cameras",
                "Loopback NVR",
                "5.1.200",
                3));
    assertThat(refused)
        .isEqualTo(
            new ProtectTestResult(
                false,
                "login refused: 401 Unauthorized (check the user name and password)",
                null,
                null,
                null));
  }
}
