package dev.argus.api.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EnergyPricingTest {

  private final EnergyPricing pricing =
      new EnergyPricing(new EnergyProperties(new BigDecimal("0.15"), "USD"));

  @Test
  void theSeedsExampleOf12Point34KwhCosts1Point85() {
    assertThat(pricing.kwh(12_340.0)).isEqualByComparingTo("12.340");
    assertThat(pricing.cost(12_340.0)).isEqualByComparingTo("1.85");
  }

  @Test
  void kwhKeepWattHourPrecisionAndCostsRoundHalfUpToCents() {
    assertThat(pricing.kwh(1.4)).isEqualByComparingTo("0.001");
    assertThat(pricing.kwh(0.4)).isEqualByComparingTo("0.000");
    // 40 Wh at 0.15/kWh is 0.006 and rounds up to a cent; 30 Wh (0.0045) rounds down.
    assertThat(pricing.cost(40.0)).isEqualByComparingTo("0.01");
    assertThat(pricing.cost(30.0)).isEqualByComparingTo("0.00");
  }

  @Test
  void settingsAreCheckedWithMessagesNamingThem() {
    assertThatThrownBy(() -> new EnergyProperties(new BigDecimal("-1"), "USD"))
        .hasMessageContaining("ENERGY_COST_PER_KWH");
    assertThatThrownBy(() -> new EnergyProperties(BigDecimal.ONE, "dollars"))
        .hasMessageContaining("ENERGY_CURRENCY");
  }
}
