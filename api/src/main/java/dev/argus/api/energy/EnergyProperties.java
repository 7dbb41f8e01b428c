package dev.argus.api.energy;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How energy is priced, bound from {@code argus.energy.*} (environment: ENERGY_COST_PER_KWH,
 * ENERGY_CURRENCY). Checked at start-up.
 *
 * @param costPerKwh price of one kWh in {@code currency}; the seed's example (12.34 kWh cost 1.85)
 *     is 0.15
 * @param currency ISO 4217 code, e.g. USD or EUR
 */
@ConfigurationProperties("argus.energy")
public record EnergyProperties(BigDecimal costPerKwh, String currency) {

  public EnergyProperties {
    if (costPerKwh == null || costPerKwh.signum() < 0) {
      throw new IllegalArgumentException(
          "argus.energy.cost-per-kwh (ENERGY_COST_PER_KWH) must be a number >= 0, got "
              + costPerKwh);
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "argus.energy.currency (ENERGY_CURRENCY) must be a three-letter ISO 4217 code such as"
              + " USD, got '"
              + currency
              + "'");
    }
  }
}
