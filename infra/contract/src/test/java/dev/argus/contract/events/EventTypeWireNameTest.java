package dev.argus.contract.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Event types are found by the name they carry on the wire, and only by that name. */
class EventTypeWireNameTest {

  @Test
  void everyPowerEventTypeIsFoundByItsWireName() {
    for (PowerEventType type : PowerEventType.values()) {
      assertThat(PowerEventType.fromWireName(type.wireName())).isSameAs(type);
    }
    assertThat(PowerEventType.fromWireName("on_battery").severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void everyTargetEventTypeIsFoundByItsWireName() {
    for (TargetEventType type : TargetEventType.values()) {
      assertThat(TargetEventType.fromWireName(type.wireName())).isSameAs(type);
    }
    assertThat(TargetEventType.fromWireName("recovered").severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void anUnknownNameIsRefusedNamingIt() {
    assertThatThrownBy(() -> TargetEventType.fromWireName("THRESHOLD_REACHED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown target event type: THRESHOLD_REACHED");
    assertThatThrownBy(() -> TargetEventType.fromWireName(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PowerEventType.fromWireName("on_fire"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown power event type: on_fire");
  }
}
