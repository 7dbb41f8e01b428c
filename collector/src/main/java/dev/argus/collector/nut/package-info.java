/**
 * The NUT protocol client (upsd, port 3493); depends on the JDK and the contract's outbound address
 * guard alone, so it can be tested on its own.
 */
package dev.argus.collector.nut;
