package dev.argus.collector.snmp;

/** A request to an SNMP agent failed; the message says why, names the agent, never a secret. */
public final class SnmpException extends Exception {

  public SnmpException(String message) {
    super(message);
  }
}
