package dev.argus.processor.llm;

import static dev.argus.processor.llm.LlmDriver.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmStatus;
import dev.argus.processor.testing.LlmProbeBuilder;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model status from monitoring probes, through the production {@link LlmTopology}. */
class LlmModelStatusTopologyTest {

  private static final String MODEL = "00000000-0000-0000-0000-000000000001";

  private LlmDriver llm;

  @BeforeEach
  void startDriver() {
    llm = LlmDriver.alone();
  }

  @AfterEach
  void closeDriver() throws IOException {
    llm.close();
  }

  private static LlmProbeBuilder probe(int minute) {
    return LlmProbeBuilder.model(MODEL).at(minute(minute));
  }

  @Test
  void everyProbePublishesTheModelsStatusSinceItChanged() {
    // Given probes: up, up, down, down, up, slow
    llm.send(probe(0).build());
    llm.send(probe(1).build());
    llm.send(probe(2).down("HTTP 500: overloaded").build());
    llm.send(probe(3).down("timeout after 60 s").build());
    llm.send(probe(4).build());
    llm.send(probe(5).ttft(6_000.0).build());

    // Then one status per probe, keyed by model and stamped with the probe's time
    List<TestRecord<String, LlmModelStatus>> records = llm.statuses.readRecordsToList();
    assertThat(records).extracting(TestRecord::key).containsOnly(MODEL);
    assertThat(records)
        .extracting(r -> r.getRecordTime())
        .containsExactly(minute(0), minute(1), minute(2), minute(3), minute(4), minute(5));
    List<LlmModelStatus> statuses = records.stream().map(TestRecord::value).toList();
    assertThat(statuses)
        .extracting(LlmModelStatus::status)
        .containsExactly(
            LlmStatus.UP,
            LlmStatus.UP,
            LlmStatus.DOWN,
            LlmStatus.DOWN,
            LlmStatus.UP,
            LlmStatus.DEGRADED);
    assertThat(statuses)
        .extracting(LlmModelStatus::since)
        .containsExactly(minute(0), minute(0), minute(2), minute(2), minute(4), minute(5));
    assertThat(statuses)
        .extracting(LlmModelStatus::consecutiveFailures)
        .containsExactly(0, 0, 1, 2, 0, 0);
    assertThat(statuses.get(3).lastError()).isEqualTo("timeout after 60 s");
    assertThat(statuses.get(3).lastCheckedAt()).isEqualTo(minute(3));
    assertThat(statuses.get(5).ttftMs()).isEqualTo(6_000.0);
    assertThat(statuses.get(5).providerType()).isEqualTo("openai");
    assertThat(statuses.get(5).modelName()).isEqualTo("gpt-4.1");

    // And the store holds the newest status
    KeyValueStore<String, ModelState> store =
        llm.driver.getKeyValueStore(LlmTopology.MODEL_STATE_STORE);
    assertThat(store.get(MODEL).status()).isEqualTo(statuses.get(5));
  }

  @Test
  void anAnswerWithoutTextIsDownAndACutAnswerDegraded() {
    llm.send(probe(0).truncated().build());
    llm.send(probe(1).emptyAnswer().build());

    List<LlmModelStatus> statuses = llm.statuses.readValuesToList();
    assertThat(statuses)
        .extracting(LlmModelStatus::status)
        .containsExactly(LlmStatus.DEGRADED, LlmStatus.DOWN);
    assertThat(statuses.get(1).lastError()).isEqualTo("answered with no output text");
  }

  @Test
  void benchmarkRequestsOnTheProbeTopicDoNotCount() {
    llm.send(probe(0).iteration(1).down("HTTP 500").build());

    assertThat(llm.statuses.isEmpty()).isTrue();
  }

  @Test
  void aDuplicateOrLateProbeIsIgnored() {
    llm.send(probe(2).build());
    llm.send(probe(2).build());
    llm.send(probe(1).down("late failure").build());

    assertThat(llm.statuses.readValuesToList())
        .singleElement()
        .extracting(LlmModelStatus::status)
        .isEqualTo(LlmStatus.UP);
  }
}
