package dev.argus.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.bench.faults.ProcessorGroups.Assignment;
import dev.argus.bench.faults.ProcessorGroups.Member;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** How the three-processors scenario names group members and sees partitions move. */
class ProcessorGroupsTest {

  private static TopicPartition power(int partition) {
    return new TopicPartition("argus.readings.power", partition);
  }

  @Test
  void membersAreNamedByTheirInstanceIdWithoutTheStreamsThread() {
    assertThat(ProcessorGroups.label(null)).isEqualTo("processor");
    assertThat(ProcessorGroups.label("")).isEqualTo("processor");
    assertThat(ProcessorGroups.label("processor-2")).isEqualTo("processor-2");
    assertThat(ProcessorGroups.label("processor-2-1")).isEqualTo("processor-2");
    assertThat(ProcessorGroups.label("processor-3-12")).isEqualTo("processor-3");
  }

  @Test
  void aPartitionMovedWhenItsOffsetPassedTheOneAtTheKill() {
    Map<TopicPartition, Long> atKill = Map.of(power(0), 10L, power(3), -1L, power(4), 7L);
    Map<TopicPartition, Long> now = Map.of(power(0), 11L, power(3), 0L, power(4), 7L);

    assertThat(ProcessorGroups.moved(atKill, now)).containsExactlyInAnyOrder(power(0), power(3));
  }

  @Test
  void theAssignmentListsEachMembersPowerPartitionsAndWhatOneHolds() {
    Assignment assignment =
        new Assignment(
            Map.of(
                ProcessorGroups.SINK,
                List.of(
                    new Member("processor-3", Set.of(power(5), power(4))),
                    new Member(
                        "processor",
                        Set.of(power(0), new TopicPartition("argus.energy", 1), power(1))))));

    assertThat(assignment.partitionsOf(ProcessorGroups.SINK, "argus.readings.power"))
        .isEqualTo("processor: [0,1]; processor-3: [4,5]");
    assertThat(assignment.heldBy(ProcessorGroups.SINK, "processor-3", "argus.readings.power"))
        .containsExactlyInAnyOrder(power(4), power(5));
    assertThat(assignment.heldBy(ProcessorGroups.STREAMS, "processor-3", "argus.readings.power"))
        .isEmpty();
  }
}
