/** The running energy totals the processor publishes per device on {@code argus.energy}. */
package dev.argus.contract.energy;
