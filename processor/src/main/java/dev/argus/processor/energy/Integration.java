package dev.argus.processor.energy;

import dev.argus.contract.energy.EnergyTotal;
import java.util.List;

/**
 * The device's energy state after a reading and the totals to publish, in order: none when the
 * reading was not integrated, one normally, two when the interval spanned UTC midnight (the closing
 * total of the previous day, then the new day's).
 */
public record Integration(EnergyState state, List<EnergyTotal> totals) {

  public Integration {
    totals = List.copyOf(totals);
  }

  static Integration unchanged(EnergyState state) {
    return new Integration(state, List.of());
  }
}
