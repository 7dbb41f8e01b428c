/**
 * The SNMP v1/v2c/v3 client over snmp4j; depends on the JDK, snmp4j and the contract's outbound
 * address guard alone, so it can be tested on its own.
 */
package dev.argus.collector.snmp;
