package dev.argus.processor.energy;

import dev.argus.contract.energy.EnergyTotal;

/**
 * What the energy emission remembers per device, in the {@value
 * EnergyTopology#EMISSION_STATE_STORE} store: when a total was last published (wall-clock
 * milliseconds of the stream thread) and the newest total not published yet, if any.
 */
public record PendingEnergy(long lastEmittedWallMillis, EnergyTotal pending) {}
