package dev.argus.collector.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.power.device.SnmpOidMap;
import dev.argus.collector.snmp.SnmpRow;
import dev.argus.collector.snmp.SnmpValue;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnmpReadingMapperTest {

  private static final ReadingIdentity PDU =
      new ReadingIdentity("snmp", "pdu-1", "pdu", null, "10.0.0.7", 161, "collector-1", 60);
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final SnmpReadingMapper mapper = new SnmpReadingMapper();

  @Test
  void upsStatusSpeaksNutsWords() {
    assertThat(SnmpReadingMapper.upsStatus(3L, 2L)).isEqualTo("OL");
    assertThat(SnmpReadingMapper.upsStatus(5L, 2L)).isEqualTo("OB");
    assertThat(SnmpReadingMapper.upsStatus(5L, 3L)).isEqualTo("OB LB");
    assertThat(SnmpReadingMapper.upsStatus(5L, 4L)).isEqualTo("OB LB");
    assertThat(SnmpReadingMapper.upsStatus(4L, null)).isEqualTo("OL BYPASS");
    assertThat(SnmpReadingMapper.upsStatus(7L, 2L)).isEqualTo("OL TRIM");
    assertThat(SnmpReadingMapper.upsStatus(1L, 1L)).isNull();
    assertThat(SnmpReadingMapper.upsStatus(null, null)).isNull();
  }

  @Test
  void outletsAreScaledIndexedByTheLastSubIdentifierAndSummed() {
    // Given a Raritan-style table indexed pduId.outletId, current in mA
    var oids =
        SnmpOidMap.of(
            "pdu",
            null,
            Map.of(
                "name",
                "1.3.6.1.4.1.1.2",
                "power",
                "1.3.6.1.4.1.1.3",
                "current",
                "1.3.6.1.4.1.1.4*0.001"));
    var rows =
        List.of(
            new SnmpRow(
                "1.1",
                Map.of(
                    "1.3.6.1.4.1.1.2",
                    text("a"),
                    "1.3.6.1.4.1.1.3",
                    number(100),
                    "1.3.6.1.4.1.1.4",
                    number(450))),
            new SnmpRow(
                "1.2", Map.of("1.3.6.1.4.1.1.2", text(" "), "1.3.6.1.4.1.1.3", text("n/a"))),
            new SnmpRow("1.3", Map.of("1.3.6.1.4.1.1.3", number(50))));

    // When mapped
    PowerReading reading = mapper.toReading(PDU, oids, Map.of(), rows, NOW);

    // Then garbage is null, and the total is the sum of the outlets that have power
    assertThat(reading.outlets())
        .containsExactly(
            new OutletReading(1, "a", 100.0, 0.45),
            new OutletReading(2, null, null, null),
            new OutletReading(3, null, 50.0, null));
    assertThat(reading.powerWatts()).isEqualTo(150.0);
    assertThat(reading.poller()).isEqualTo("snmp");
    assertThat(reading.succeeded()).isTrue();
  }

  @Test
  void aConfiguredTotalPowerWinsOverTheOutletSum() {
    var oids =
        SnmpOidMap.of(
            "pdu",
            Map.of("power_watts", "1.3.6.1.4.1.1.1.0*0.1"),
            Map.of("power", "1.3.6.1.4.1.1.3"));

    PowerReading reading =
        mapper.toReading(
            PDU,
            oids,
            Map.of("1.3.6.1.4.1.1.1.0", List.of(number(2345))),
            List.of(new SnmpRow("1", Map.of("1.3.6.1.4.1.1.3", number(100)))),
            NOW);

    assertThat(reading.powerWatts()).isEqualTo(234.5);
  }

  private static SnmpValue number(long value) {
    return new SnmpValue(value, Long.toString(value));
  }

  private static SnmpValue text(String value) {
    return new SnmpValue(null, value);
  }
}
