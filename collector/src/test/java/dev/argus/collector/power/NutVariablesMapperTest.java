package dev.argus.collector.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.PowerReading;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NutVariablesMapperTest {

  private static final Instant AT = Instant.parse("2026-05-27T10:00:00Z");
  private static final ReadingIdentity UPS_MAIN =
      new ReadingIdentity(
          "nut", "ups-main", "ups", "Main UPS", "192.168.1.10", 3493, "collector-1", 300);

  private final NutVariablesMapper mapper = new NutVariablesMapper();

  private static Map<String, String> variables(String... namesAndValues) {
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  @Test
  void mapsEveryMeasurementAndTheIdentity() {
    // Given what a typical UPS reports
    var vars =
        variables(
            "ups.realpower",
            "450",
            "ups.load",
            "55",
            "input.voltage",
            "230.4",
            "output.voltage",
            "229.9",
            "input.frequency",
            "50.0",
            "output.current",
            "1.9",
            "battery.charge",
            "100",
            "battery.charge.low",
            "20",
            "battery.runtime",
            "3600",
            "ups.status",
            "OL CHRG",
            "ups.temperature",
            "31.5",
            "device.mfr",
            "APC",
            "device.model",
            "Smart-UPS 1500",
            "ups.firmware",
            "UPS 09.3",
            "device.serial",
            "AS1234");

    // When
    PowerReading reading = mapper.toReading(UPS_MAIN, vars, AT);

    // Then
    assertThat(reading.succeeded()).isTrue();
    assertThat(reading.schemaVersion()).isEqualTo(PowerReading.SCHEMA_VERSION);
    assertThat(reading.deviceId()).isEqualTo("ups-main");
    assertThat(reading.deviceType()).isEqualTo("ups");
    assertThat(reading.poller()).isEqualTo("nut");
    assertThat(reading.deviceName()).isEqualTo("Main UPS");
    assertThat(reading.host()).isEqualTo("192.168.1.10");
    assertThat(reading.port()).isEqualTo(3493);
    assertThat(reading.collectorId()).isEqualTo("collector-1");
    assertThat(reading.pollIntervalSeconds()).isEqualTo(300);
    assertThat(reading.timestamp()).isEqualTo(AT);
    assertThat(reading.powerWatts()).isEqualTo(450.0);
    assertThat(reading.loadPercent()).isEqualTo(55.0);
    assertThat(reading.voltage()).isEqualTo(230.4);
    assertThat(reading.outputVoltage()).isEqualTo(229.9);
    assertThat(reading.inputFrequency()).isEqualTo(50.0);
    assertThat(reading.outputCurrent()).isEqualTo(1.9);
    assertThat(reading.batteryPercent()).isEqualTo(100.0);
    assertThat(reading.batteryLowPercent()).isEqualTo(20.0);
    assertThat(reading.runtimeSeconds()).isEqualTo(3600.0);
    assertThat(reading.upsStatus()).isEqualTo("OL CHRG");
    assertThat(reading.temperatureC()).isEqualTo(31.5);
    assertThat(reading.metadata())
        .isEqualTo(new DeviceMetadata("APC", "Smart-UPS 1500", "UPS 09.3", "AS1234"));
  }

  @Test
  void derivesWattsFromNominalRealPowerAndLoadWhenRealPowerIsMissing() {
    var reading =
        mapper.toReading(UPS_MAIN, variables("ups.realpower.nominal", "900", "ups.load", "25"), AT);

    assertThat(reading.powerWatts()).isEqualTo(225.0);
  }

  @Test
  void prefersMeasuredRealPowerToTheNominalEstimate() {
    var reading =
        mapper.toReading(
            UPS_MAIN,
            variables("ups.realpower", "300", "ups.realpower.nominal", "900", "ups.load", "25"),
            AT);

    assertThat(reading.powerWatts()).isEqualTo(300.0);
  }

  @Test
  void fallsBackToTheNominalEstimateWhenRealPowerIsGarbage() {
    var reading =
        mapper.toReading(
            UPS_MAIN,
            variables("ups.realpower", "n/a", "ups.realpower.nominal", "1000", "ups.load", "10"),
            AT);

    assertThat(reading.powerWatts()).isEqualTo(100.0);
  }

  @Test
  void leavesWattsUnknownWhenOnlyApparentPowerIsKnown() {
    // VA x load is not watts: the power factor is unknown.
    var reading =
        mapper.toReading(UPS_MAIN, variables("ups.power.nominal", "1500", "ups.load", "40"), AT);

    assertThat(reading.powerWatts()).isNull();
    assertThat(reading.loadPercent()).isEqualTo(40.0);
  }

  @Test
  void leavesWattsUnknownWhenTheLoadIsMissing() {
    assertThat(
            mapper.toReading(UPS_MAIN, variables("ups.realpower.nominal", "900"), AT).powerWatts())
        .isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "NaN",
        "",
        "  ",
        "Infinity",
        "-Infinity",
        "1e999",
        "0x1p3",
        "12d",
        "1,5",
        "--3"
      })
  void mapsGarbageNumbersToNull(String garbage) {
    var reading =
        mapper.toReading(UPS_MAIN, variables("battery.charge", garbage, "ups.status", "OL"), AT);

    assertThat(reading.batteryPercent()).isNull();
    assertThat(reading.succeeded()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "99.5", " 42 ", "-10", "+3", ".5", "5.", "1e2", "2.5E-1"})
  void readsPlainDecimals(String number) {
    var reading = mapper.toReading(UPS_MAIN, variables("battery.charge", number), AT);

    assertThat(reading.batteryPercent()).isEqualTo(Double.parseDouble(number.trim()));
  }

  @Test
  void keepsTheStatusVerbatim() {
    assertThat(mapper.toReading(UPS_MAIN, variables("ups.status", "OL CHRG LB"), AT).upsStatus())
        .isEqualTo("OL CHRG LB");
    assertThat(mapper.toReading(UPS_MAIN, variables("ups.status", "OB DISCHRG"), AT).upsStatus())
        .isEqualTo("OB DISCHRG");
  }

  @Test
  void readsADeviceWithoutStatusAsASuccessfulReadingWithUnknownValues() {
    var reading = mapper.toReading(UPS_MAIN, variables("battery.charge", "80"), AT);

    assertThat(reading.succeeded()).isTrue();
    assertThat(reading.upsStatus()).isNull();
    assertThat(reading.powerWatts()).isNull();
    assertThat(reading.voltage()).isNull();
    assertThat(reading.metadata()).isEqualTo(DeviceMetadata.UNKNOWN);
  }

  @Test
  void readsAnEmptyVariableListAsASuccessfulReading() {
    assertThat(mapper.toReading(UPS_MAIN, Map.of(), AT).succeeded()).isTrue();
  }

  @Test
  void takesTheBatteryTemperatureWhenTheUpsHasNone() {
    assertThat(
            mapper.toReading(UPS_MAIN, variables("battery.temperature", "25"), AT).temperatureC())
        .isEqualTo(25.0);
    assertThat(
            mapper
                .toReading(
                    UPS_MAIN, variables("ups.temperature", "30", "battery.temperature", "25"), AT)
                .temperatureC())
        .isEqualTo(30.0);
  }

  @Test
  void takesMetadataFromUpsVariablesWhenDeviceVariablesAreMissingOrBlank() {
    var reading =
        mapper.toReading(
            UPS_MAIN,
            variables("device.mfr", " ", "ups.mfr", "Eaton", "ups.model", "5E", "ups.serial", "G1"),
            AT);

    assertThat(reading.metadata()).isEqualTo(new DeviceMetadata("Eaton", "5E", null, "G1"));
  }

  @Test
  void prefersDeviceMetadataToUpsMetadata() {
    var reading =
        mapper.toReading(
            UPS_MAIN, variables("device.mfr", "APC", "ups.mfr", "American Power Conversion"), AT);

    assertThat(reading.metadata().manufacturer()).isEqualTo("APC");
  }
}
