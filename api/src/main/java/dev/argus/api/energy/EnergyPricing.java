package dev.argus.api.energy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * Turns watt-hours into the seed's kWh and cost figures. kWh keep three decimals (Wh precision);
 * costs are rounded half-up to the currency's cents.
 */
@Component
class EnergyPricing {

  private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);

  private final EnergyProperties properties;

  EnergyPricing(EnergyProperties properties) {
    this.properties = properties;
  }

  BigDecimal kwh(double wh) {
    return BigDecimal.valueOf(wh).divide(WH_PER_KWH, 3, RoundingMode.HALF_UP);
  }

  BigDecimal cost(double wh) {
    return BigDecimal.valueOf(wh)
        .multiply(properties.costPerKwh())
        .divide(WH_PER_KWH, 2, RoundingMode.HALF_UP);
  }

  String currency() {
    return properties.currency();
  }
}
