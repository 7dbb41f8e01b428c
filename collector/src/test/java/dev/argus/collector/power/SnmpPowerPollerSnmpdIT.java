package dev.argus.collector.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.collector.kafka.TopicPublisher;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.device.SnmpDevice;
import dev.argus.collector.power.device.SnmpDeviceUri;
import dev.argus.collector.power.schedule.PollCycleRunner;
import dev.argus.collector.power.schedule.PollPlan;
import dev.argus.collector.testing.SnmpdProcess;
import dev.argus.contract.Topics;
import dev.argus.contract.power.DeviceMetadata;
import dev.argus.contract.power.OutletReading;
import dev.argus.contract.power.PowerReading;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SNMP poller against a real Net-SNMP snmpd on loopback, over v1, v2c and v3. */
class SnmpPowerPollerSnmpdIT {

  private static final Duration NEVER_STICKS = Duration.ofSeconds(20);
  private static final String UPS = "1.3.6.1.2.1.33.1.";
  private static final String OUTLETS = SnmpdProcess.VENDOR + ".1.2.1.";
  private static final Map<String, String> UPS_ON_MAINS =
      Map.ofEntries(
          Map.entry(UPS + "1.1.0", "string ACME Power"),
          Map.entry(UPS + "1.2.0", "string Model 1500"),
          Map.entry(UPS + "1.3.0", "string 2.1.0"),
          Map.entry(UPS + "2.1.0", "integer 2"),
          Map.entry(UPS + "2.3.0", "integer 42"),
          Map.entry(UPS + "2.4.0", "integer 87"),
          Map.entry(UPS + "2.7.0", "integer 31"),
          Map.entry(UPS + "3.3.1.2.1", "integer 499"),
          Map.entry(UPS + "3.3.1.3.1", "integer 231"),
          Map.entry(UPS + "4.1.0", "integer 3"),
          Map.entry(UPS + "4.4.1.2.1", "integer 230"),
          Map.entry(UPS + "4.4.1.3.1", "integer 26"),
          Map.entry(UPS + "4.4.1.4.1", "integer 300"),
          Map.entry(UPS + "4.4.1.4.2", "integer 250"),
          Map.entry(UPS + "4.4.1.5.1", "integer 35"),
          // A vendor outlet table: name (.2), power in W (.3), current in 0.1 A (.4); outlets 1-3.
          Map.entry(OUTLETS + "2.1", "string web-1"),
          Map.entry(OUTLETS + "2.2", "string web-2"),
          Map.entry(OUTLETS + "2.3", "string switch"),
          Map.entry(OUTLETS + "3.1", "integer 120"),
          Map.entry(OUTLETS + "3.2", "integer 95"),
          Map.entry(OUTLETS + "3.3", "integer 40"),
          Map.entry(OUTLETS + "4.1", "gauge 6"),
          Map.entry(OUTLETS + "4.2", "gauge 5"),
          Map.entry(OUTLETS + "4.3", "gauge 2"),
          Map.entry(SnmpdProcess.VENDOR + ".1.1.0", "gauge 2560"));

  private static SnmpdProcess snmpd;
  private final SnmpPowerPoller poller =
      new SnmpPowerPoller(new SnmpReadingMapper(), "collector-1", 60, Clock.systemUTC());

  @BeforeAll
  static void startSnmpd() {
    assumeTrue(SnmpdProcess.available(), "Net-SNMP (snmpd, snmp) is not installed");
    snmpd = SnmpdProcess.start(Path.of("target"), UPS_ON_MAINS);
  }

  @AfterAll
  static void stopSnmpd() {
    if (snmpd != null) {
      snmpd.close();
    }
  }

  @BeforeEach
  void resetValues() {
    snmpd.set(UPS_ON_MAINS);
  }

  private static SnmpDevice device(String query) {
    return SnmpDeviceUri.parse(
        "snmp://" + query.replace("PORT", Integer.toString(snmpd.port())), true);
  }

  private PowerReading poll(SnmpDevice device) {
    return assertTimeoutPreemptively(NEVER_STICKS, () -> poller.poll(device));
  }

  private static void assertUpsOnMains(PowerReading reading) {
    assertThat(reading.error()).isNull();
    assertThat(reading.poller()).isEqualTo("snmp");
    assertThat(reading.deviceType()).isEqualTo("ups");
    assertThat(reading.upsStatus()).isEqualTo("OL");
    assertThat(reading.batteryPercent()).isEqualTo(87.0);
    assertThat(reading.runtimeSeconds()).isEqualTo(2520.0);
    assertThat(reading.temperatureC()).isEqualTo(31.0);
    assertThat(reading.inputFrequency()).isCloseTo(49.9, offset(1e-9));
    assertThat(reading.voltage()).isEqualTo(231.0);
    assertThat(reading.outputVoltage()).isEqualTo(230.0);
    assertThat(reading.outputCurrent()).isCloseTo(2.6, offset(1e-9));
    assertThat(reading.powerWatts()).isEqualTo(550.0);
    assertThat(reading.loadPercent()).isEqualTo(35.0);
    assertThat(reading.metadata())
        .isEqualTo(new DeviceMetadata("ACME Power", "Model 1500", "2.1.0", null));
    assertThat(reading.outlets()).isEmpty();
  }

  @Test
  void readsAUpsOverV2c() {
    // When a UPS is polled over v2c with the UPS-MIB defaults
    PowerReading reading = poll(device("public@127.0.0.1:PORT?id=ups-hall&name=Hall%20UPS"));

    // Then every field comes from its UPS-MIB object, power summed over both output lines
    assertUpsOnMains(reading);
    assertThat(reading.deviceId()).isEqualTo("ups-hall");
    assertThat(reading.deviceName()).isEqualTo("Hall UPS");
    assertThat(reading.port()).isEqualTo(snmpd.port());
    assertThat(reading.collectorId()).isEqualTo("collector-1");
  }

  @Test
  void readsAUpsOverV1() {
    // Given an agent without a battery temperature (v1 answers noSuchName for the whole GET)
    snmpd.set(nullValue(UPS + "2.7.0"));

    // When polled over v1
    PowerReading reading = poll(device("public@127.0.0.1:PORT?version=1"));

    // Then the other values are read all the same
    assertThat(reading.error()).isNull();
    assertThat(reading.temperatureC()).isNull();
    assertThat(reading.batteryPercent()).isEqualTo(87.0);
    assertThat(reading.powerWatts()).isEqualTo(550.0);
    assertThat(reading.upsStatus()).isEqualTo("OL");
  }

  @Test
  void readsAUpsOverV3AuthPrivWithSha256AndAes() {
    PowerReading reading =
        poll(
            device(
                SnmpdProcess.PRIV_USER
                    + "@127.0.0.1:PORT?version=3&auth=SHA-256&auth_password="
                    + SnmpdProcess.AUTH_PASSWORD
                    + "&priv=AES&priv_password="
                    + SnmpdProcess.PRIV_PASSWORD));

    assertUpsOnMains(reading);
  }

  @Test
  void readsAUpsOverV3AuthNoPriv() {
    PowerReading reading =
        poll(
            device(
                SnmpdProcess.AUTH_USER
                    + "@127.0.0.1:PORT?version=3&auth=SHA&auth_password="
                    + SnmpdProcess.AUTH_PASSWORD));

    assertUpsOnMains(reading);
  }

  @Test
  void aLaterPollSeesTheUpsOnBatteryAndLow() {
    // Given a UPS read on mains
    SnmpDevice device = device("127.0.0.1:PORT");
    assertThat(poll(device).upsStatus()).isEqualTo("OL");

    // When the mains fail and the battery runs low
    snmpd.set(Map.of(UPS + "4.1.0", "integer 5", UPS + "2.1.0", "integer 3"));

    // Then the next poll says so in NUT's words
    assertThat(poll(device).upsStatus()).isEqualTo("OB LB");
  }

  @Test
  void walksThePduOutletTableAndSumsTheOutletPower() {
    // When a PDU is polled with its outlet table columns configured
    PowerReading reading =
        poll(
            device(
                "127.0.0.1:PORT?type=pdu&id=pdu-1&outlet.name="
                    + OUTLETS
                    + "2&outlet.power="
                    + OUTLETS
                    + "3"
                    + "&outlet.current="
                    + OUTLETS
                    + "4*0.1"));

    // Then every outlet is a row of the walk, and the total is their sum
    assertThat(reading.error()).isNull();
    assertThat(reading.deviceType()).isEqualTo("pdu");
    assertThat(reading.outlets())
        .usingRecursiveFieldByFieldElementComparatorOnFields("index", "name", "powerWatts")
        .containsExactly(
            new OutletReading(1, "web-1", 120.0, null),
            new OutletReading(2, "web-2", 95.0, null),
            new OutletReading(3, "switch", 40.0, null));
    assertThat(reading.outlets().get(0).currentAmps()).isCloseTo(0.6, offset(1e-9));
    assertThat(reading.powerWatts()).isEqualTo(255.0);
    assertThat(reading.upsStatus()).isNull();
  }

  @Test
  void aConfiguredOidMapOverridesTheDefaults() {
    // Given a UPS whose total power is a vendor scalar in 0.1 W and whose outlets are a vendor
    // table
    SnmpDevice device =
        device(
            "127.0.0.1:PORT?oid.power_watts="
                + SnmpdProcess.VENDOR
                + ".1.1.0*0.1&oid.temperature_c="
                + "&outlet.power="
                + OUTLETS
                + "3");

    // When polled
    PowerReading reading = poll(device);

    // Then the overrides win and the other defaults stay
    assertThat(reading.powerWatts()).isEqualTo(256.0);
    assertThat(reading.temperatureC()).isNull();
    assertThat(reading.batteryPercent()).isEqualTo(87.0);
    assertThat(reading.outlets())
        .extracting(OutletReading::powerWatts)
        .containsExactly(120.0, 95.0, 40.0);
  }

  @Test
  void garbageValuesBecomeNullFieldsNotAFailedPoll() {
    // Given text where numbers belong and a missing object
    snmpd.set(
        Map.of(
            UPS + "2.4.0",
            "string full",
            UPS + "4.4.1.4.1",
            "string n/a",
            UPS + "4.4.1.4.2",
            "string n/a"));
    snmpd.set(nullValue(UPS + "2.3.0"));

    // When polled
    PowerReading reading = poll(device("127.0.0.1:PORT"));

    // Then those fields are null and the rest is read
    assertThat(reading.error()).isNull();
    assertThat(reading.batteryPercent()).isNull();
    assertThat(reading.powerWatts()).isNull();
    assertThat(reading.runtimeSeconds()).isNull();
    assertThat(reading.voltage()).isEqualTo(231.0);
  }

  @Test
  void aWrongCommunityIsAFailedPoll() {
    PowerReading reading = poll(device("wrong@127.0.0.1:PORT?id=ups-x&timeout=300ms&retries=1"));

    assertThat(reading.succeeded()).isFalse();
    assertThat(reading.deviceId()).isEqualTo("ups-x");
    assertThat(reading.poller()).isEqualTo("snmp");
    assertThat(reading.error())
        .isEqualTo(
            "no answer from 127.0.0.1:"
                + snmpd.port()
                + " (SNMP v2c) within 300 ms, 2 attempt(s): check that an SNMP agent listens there"
                + " and that the community is right (agents ignore requests they do not accept)");
  }

  @Test
  void aWrongV3AuthPasswordIsAFailedPoll() {
    PowerReading reading =
        poll(
            device(
                SnmpdProcess.PRIV_USER
                    + "@127.0.0.1:PORT?version=3&auth=SHA-256&auth_password=wrongpass1"
                    + "&priv=AES&priv_password="
                    + SnmpdProcess.PRIV_PASSWORD
                    + "&timeout=500ms&retries=0"));

    assertThat(reading.succeeded()).isFalse();
    // (snmpd's report of the wrong digest is unauthenticated, so it cannot be trusted: no answer)
    assertThat(reading.error())
        .startsWith("no answer from 127.0.0.1:" + snmpd.port() + " (SNMP v3)")
        .contains("the v3 user, protocols and passwords are right")
        .doesNotContain("wrongpass1");
  }

  @Test
  void anUnknownV3UserIsAFailedPoll() {
    PowerReading reading =
        poll(
            device(
                "nobody@127.0.0.1:PORT?version=3&auth=SHA&auth_password=whatever12&timeout=500ms&retries=0"));

    assertThat(reading.succeeded()).isFalse();
    assertThat(reading.error()).contains("does not know the SNMPv3 user 'nobody'");
  }

  @Test
  void aClosedPortIsAFailedPoll() throws Exception {
    int closedPort;
    try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    PowerReading reading =
        poll(
            SnmpDeviceUri.parse(
                "snmp://127.0.0.1:" + closedPort + "?timeout=200ms&retries=0", true));

    assertThat(reading.succeeded()).isFalse();
    assertThat(reading.error()).startsWith("no answer from 127.0.0.1:" + closedPort);
  }

  @Test
  void aPollLongerThanThePollDeadlineIsCancelledWithAFailedReading() {
    // Given an agent that never answers (wrong community) and requests far longer than the deadline
    var producer =
        new MockProducer<>(
            true,
            null,
            Topics.READINGS_POWER.keySerde().serializer(),
            Topics.READINGS_POWER.valueSerde().serializer());
    var plan =
        PollPlan.fixed(
            List.of(device("wrong@127.0.0.1:PORT?id=slow&timeout=10s&retries=2")),
            Duration.ofMinutes(1));
    var cycles =
        new PollCycleRunner(
            new PowerPoller(
                new NutPowerPoller(
                    NutClientSettings.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    new NutVariablesMapper(),
                    "collector-1",
                    60,
                    Clock.systemUTC()),
                poller),
            new TopicPublisher<>(Topics.READINGS_POWER, producer),
            Duration.ofSeconds(1),
            Clock.systemUTC());

    // When a cycle runs
    assertTimeoutPreemptively(NEVER_STICKS, () -> cycles.run(plan));

    // Then the device has one failed reading saying the poll was cancelled
    assertThat(producer.history())
        .map(ProducerRecord::value)
        .singleElement()
        .satisfies(
            reading -> {
              assertThat(reading.deviceId()).isEqualTo("slow");
              assertThat(reading.error())
                  .startsWith("poll did not finish within the poll deadline of 1000 ms");
            });
  }

  private static Map<String, String> nullValue(String oid) {
    Map<String, String> removal = new HashMap<>();
    removal.put(oid, null);
    return removal;
  }
}
