package dev.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntheticFleetTest {

  @Test
  void expectedEventsCountEveryStatusChangeOfTheFlippingDevices() {
    // Given 25 devices of which every 10th (0, 10, 20) flips every 5 readings
    SyntheticFleet fleet = new SyntheticFleet("t", 25, 10, 5);

    // When counting the status changes reading by reading
    long changes = 0;
    for (int device = 0; device < 25; device++) {
      for (long reading = 1; reading < 23; reading++) {
        if (fleet.onBattery(device, reading) != fleet.onBattery(device, reading - 1)) {
          changes++;
        }
      }
    }

    // Then the closed form agrees
    assertThat(fleet.expectedEvents(23)).isEqualTo(changes).isEqualTo(12);
  }

  @Test
  void devicesThatDoNotFlipStayOnLine() {
    SyntheticFleet fleet = new SyntheticFleet("t", 10, 10, 5);

    assertThat(fleet.reading(3, 7, java.time.Instant.EPOCH).upsStatus()).isEqualTo("OL");
    assertThat(fleet.reading(0, 7, java.time.Instant.EPOCH).upsStatus()).isEqualTo("OB DISCHRG");
  }
}
