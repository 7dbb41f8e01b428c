package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

  @TempDir Path home;

  @BeforeEach
  void builtCheckout() throws Exception {
    for (String module : ServiceJars.SERVICES) {
      Path target = Files.createDirectories(home.resolve(module).resolve("target"));
      Files.createFile(target.resolve("argus-" + module + "-0.1.0-SNAPSHOT-exec.jar"));
      Files.createFile(target.resolve("argus-" + module + "-0.1.0-SNAPSHOT.jar"));
    }
  }

  @Test
  void eachServiceGetsTheExecutableJarOfItsOwnModule() {
    ServiceJars jars = ServiceJars.find(home);

    assertThat(jars.processor())
        .isEqualTo(home.resolve("processor/target/argus-processor-0.1.0-SNAPSHOT-exec.jar"));
    assertThat(jars.api()).isEqualTo(home.resolve("api/target/argus-api-0.1.0-SNAPSHOT-exec.jar"));
    assertThat(jars.collector())
        .isEqualTo(home.resolve("collector/target/argus-collector-0.1.0-SNAPSHOT-exec.jar"));
  }

  @Test
  void aMissingJarIsNamedWithHowToBuildIt() throws Exception {
    Files.delete(home.resolve("collector/target/argus-collector-0.1.0-SNAPSHOT-exec.jar"));

    assertThatThrownBy(() -> ServiceJars.find(home))
        .isInstanceOf(StartChecks.Refused.class)
        .hasMessage(
            "No executable jar of the collector in "
                + home.resolve("collector/target")
                + ": build first (./argus-start.sh does: mvn -DskipTests package)");
  }
}
