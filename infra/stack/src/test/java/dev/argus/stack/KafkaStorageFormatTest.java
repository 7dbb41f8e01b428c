package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's log directory is formatted with the real storage tool, including for a cluster id
 * that begins with "-" (one random id in 64 does), which the tool once read as an option.
 */
class KafkaStorageFormatTest {

  @Test
  void formatsWithAClusterIdThatBeginsWithADash(@TempDir Path dir) throws Exception {
    String clusterId = idBeginningWithDash();
    Path logDir = dir.resolve("data");
    Files.createDirectories(logDir);
    Path config = KafkaBroker.writeServerProperties(dir, logDir, 1, 2);
    List<String> jvm = List.of("-Xmx128m", "-cp", System.getProperty("java.class.path"));

    KafkaBroker.formatLogDirectory(clusterId, config, jvm, dir.resolve("format.log"));

    assertThat(Files.readString(logDir.resolve("meta.properties")))
        .contains("cluster.id=" + clusterId);
  }

  @Test
  void newClusterIdsNeverBeginWithADash() {
    assertThat(IntStream.range(0, 5_000).mapToObj(i -> KafkaBroker.newClusterId()))
        .allSatisfy(id -> assertThat(id).doesNotStartWith("-").hasSize(22));
  }

  /** A valid Kafka cluster id (base64url of 16 bytes) whose first character is "-". */
  private static String idBeginningWithDash() {
    // The first base64 character is the top six bits: 62 is "-" in the url-safe alphabet.
    long mostSignificant = (62L << 58) | 0x0123_4567_89abL;
    String id = new Uuid(mostSignificant, 0x0fed_cba9_8765_4321L).toString();
    assertThat(id).startsWith("-");
    return id;
  }
}
