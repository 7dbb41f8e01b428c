package dev.argus.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.protect.DesiredController;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.secrets.SecretContext;
import dev.argus.contract.testing.TestSecrets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtectAssignmentsTest {

  private final ProtectAssignments assignments =
      new ProtectAssignments(
          new CameraAssignments("c1", true, TestSecrets.CIPHER), TestSecrets.CIPHER);

  private static ProtectControllerConfig controller(
      String id, String collector, boolean enabled, Map<String, String> credentials) {
    return new ProtectControllerConfig(
        id, "NVR " + id, " 192.168.1.1 ", 7443, "argus", credentials, true, enabled, collector);
  }

  private static Map<String, String> password(String controllerId, String plain) {
    return Map.of(
        "password",
        TestSecrets.CIPHER.encrypt(
            plain, SecretContext.protectControllerField(controllerId, "password")));
  }

  @Test
  void anEnabledControllerForThisCollectorConnectsWithItsPasswordDecrypted() {
    DesiredController desired =
        assignments.desired(controller("p-1", "c1", true, password("p-1", "s3cret")));

    assertThat(desired.runsHere()).isTrue();
    assertThat(desired.endpoint().host()).isEqualTo("192.168.1.1");
    assertThat(desired.endpoint().port()).isEqualTo(7443);
    assertThat(desired.endpoint().username()).isEqualTo("argus");
    assertThat(desired.endpoint().password()).isEqualTo("s3cret");
    assertThat(desired.endpoint().verifySsl()).isTrue();
    assertThat(desired.endpoint().toString()).doesNotContain("s3cret");
  }

  @Test
  void theCamerasAssignmentRuleDecidesWhereAControllerRuns() {
    var refusing =
        new ProtectAssignments(
            new CameraAssignments("c1", false, TestSecrets.CIPHER), TestSecrets.CIPHER);

    assertThat(assignments.desired(controller("p-1", null, true, password("p-1", "x"))).runsHere())
        .isTrue();
    assertThat(refusing.desired(controller("p-1", null, true, password("p-1", "x"))).assignedHere())
        .isFalse();
    DesiredController theirs =
        assignments.desired(controller("p-1", "c2", true, password("p-1", "x")));
    assertThat(theirs.assignedHere()).isFalse();
    assertThat(theirs.endpoint()).isNull();
    assertThat(theirs.problem()).isNull();
  }

  @Test
  void aDisabledControllerDoesNotRunAndIsNoProblem() {
    DesiredController disabled =
        assignments.desired(controller("p-1", "c1", false, password("p-1", "x")));

    assertThat(disabled.assignedHere()).isTrue();
    assertThat(disabled.runsHere()).isFalse();
    assertThat(disabled.problem()).isNull();
  }

  @Test
  void aPasswordEncryptedForAnotherControllerIsAProblemThatQuotesNoSecret() {
    DesiredController copied =
        assignments.desired(controller("p-2", null, true, password("p-1", "s3cret")));

    assertThat(copied.runsHere()).isFalse();
    assertThat(copied.problem())
        .startsWith("credentials: ")
        .contains("protect-controller:p-2:password")
        .doesNotContain("s3cret");
  }

  @Test
  void aControllerWithoutAPasswordCannotLogIn() {
    DesiredController without = assignments.desired(controller("p-1", null, true, Map.of()));

    assertThat(without.runsHere()).isFalse();
    assertThat(without.problem()).isEqualTo("username and password are required to log in");
  }
}
