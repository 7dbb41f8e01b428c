package dev.argus.collector.snmp;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.RetrievalEvent;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableUtils;

/**
 * A short-lived SNMP session with one agent over UDP: GET of scalars and table walks (GETBULK;
 * GETNEXT for v1) with snmp4j's {@link TableUtils}.
 *
 * <p>Each client has its own message dispatcher and, for v3, its own USM with only its user, so
 * that devices polled in parallel never share snmp4j's global security state. Every request is
 * bounded by the target's timeout × (retries + 1); failures become {@link SnmpException}s with a
 * message that names the agent and what to check, never a community or password.
 */
public final class SnmpClient implements AutoCloseable {

  /** Bounds a table walk: an agent that keeps answering must not keep a poll busy forever. */
  static final int MAX_ROWS = 10_000;

  private static final int MAX_REPETITIONS = 25;

  private final SnmpTarget settings;
  private final Snmp snmp;
  private final Target<UdpAddress> target;

  private SnmpClient(SnmpTarget settings, Snmp snmp, Target<UdpAddress> target) {
    this.settings = settings;
    this.snmp = snmp;
    this.target = target;
  }

  public static SnmpClient open(SnmpTarget settings) throws SnmpException {
    InetAddress address;
    try {
      // Judged before any datagram is sent; the agent is asked at the address judged.
      address = OutboundAddressGuard.resolve("host", settings.host()).getFirst();
    } catch (UnknownHostException e) {
      throw new SnmpException(
          "unknown host " + settings.host() + " (check the device's host name)");
    } catch (UnsafeDestinationException e) {
      throw new SnmpException(e.getMessage());
    }
    var dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    if (settings.version() == SnmpVersion.V3) {
      dispatcher.addMessageProcessingModel(new MPv3(userSecurityModel(settings)));
    }
    try {
      var snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
      snmp.listen();
      return new SnmpClient(
          settings, snmp, target(settings, new UdpAddress(address, settings.port())));
    } catch (IOException e) {
      throw new SnmpException("cannot open a UDP socket for SNMP: " + e.getMessage());
    }
  }

  /**
   * Reads the given instance OIDs (e.g. {@code 1.3.6.1.2.1.33.1.2.4.0}) with one GET. An OID the
   * agent has no value for (noSuchObject, noSuchInstance, or v1's noSuchName) is absent from the
   * result.
   */
  public Map<String, SnmpValue> get(List<String> oids) throws SnmpException {
    List<String> asked = new ArrayList<>(oids);
    while (!asked.isEmpty()) {
      PDU request = DefaultPDUFactory.createPDU(target, PDU.GET);
      asked.forEach(oid -> request.add(new VariableBinding(new OID(oid))));
      PDU response = answer(send(request), "GET");
      int errorIndex = response.getErrorIndex();
      if (response.getErrorStatus() == SnmpConstants.SNMP_ERROR_NO_SUCH_NAME
          && errorIndex >= 1
          && errorIndex <= asked.size()) {
        // SNMPv1 fails the whole GET for one unknown OID and names it: ask again without it.
        asked.remove(errorIndex - 1);
        continue;
      }
      if (response.getErrorStatus() != SnmpConstants.SNMP_ERROR_SUCCESS) {
        throw new SnmpException(
            settings.address()
                + " answered the GET with error "
                + response.getErrorStatusText()
                + (errorIndex >= 1 && errorIndex <= asked.size()
                    ? " for " + asked.get(errorIndex - 1)
                    : ""));
      }
      Map<String, SnmpValue> values = new LinkedHashMap<>();
      for (VariableBinding binding : response.getVariableBindings()) {
        SnmpValue value = valueOf(binding.getVariable());
        if (value != null) {
          values.put(binding.getOid().toDottedString(), value);
        }
      }
      return values;
    }
    return Map.of();
  }

  /**
   * Walks the given columns of one table (e.g. {@code 1.3.6.1.2.1.33.1.4.4.1.4}) in index order; an
   * empty list when the agent has none of them.
   */
  public List<SnmpRow> walk(List<String> columns) throws SnmpException {
    var tables =
        new TableUtils(
            snmp,
            new DefaultPDUFactory(
                settings.version() == SnmpVersion.V1 ? PDU.GETNEXT : PDU.GETBULK));
    tables.setMaxNumRowsPerPDU(MAX_REPETITIONS);
    tables.setRowLimit(MAX_ROWS);
    OID[] columnOids = columns.stream().map(OID::new).toArray(OID[]::new);
    List<SnmpRow> rows = new ArrayList<>();
    for (TableEvent event : tables.getTable(target, columnOids, null, null)) {
      if (event.isError()) {
        throw new SnmpException(walkFailure(event, columns));
      }
      if (event.getIndex() == null || event.getColumns() == null) {
        continue;
      }
      Map<String, SnmpValue> values = new LinkedHashMap<>();
      VariableBinding[] cells = event.getColumns();
      for (int i = 0; i < cells.length && i < columns.size(); i++) {
        SnmpValue value = cells[i] == null ? null : valueOf(cells[i].getVariable());
        if (value != null) {
          values.put(columns.get(i), value);
        }
      }
      rows.add(new SnmpRow(event.getIndex().toDottedString(), values));
    }
    return rows;
  }

  @Override
  public void close() {
    try {
      snmp.close();
    } catch (IOException ignored) {
      // Closing a local UDP socket: nothing the poll could do about it.
    }
  }

  private ResponseEvent<UdpAddress> send(PDU request) throws SnmpException {
    try {
      return snmp.send(request, target);
    } catch (IOException e) {
      throw new SnmpException("cannot send to " + settings.address() + ": " + e.getMessage());
    }
  }

  private PDU answer(ResponseEvent<UdpAddress> event, String request) throws SnmpException {
    if (event.getError() != null) {
      throw new SnmpException(
          request + " to " + settings.address() + " failed: " + event.getError().getMessage());
    }
    PDU response = event.getResponse();
    if (response == null) {
      throw new SnmpException(noAnswer());
    }
    if (response.getType() == PDU.REPORT) {
      throw new SnmpException(reportReason(response));
    }
    return response;
  }

  private String noAnswer() {
    if (Thread.currentThread().isInterrupted()) {
      return "the SNMP request to " + settings.address() + " was interrupted";
    }
    String credentials =
        settings.version() == SnmpVersion.V3
            ? "the v3 user, protocols and passwords are"
            : "the community is";
    return "no answer from "
        + settings.address()
        + " (SNMP v"
        + settings.version()
        + ") within "
        + settings.timeout().toMillis()
        + " ms, "
        + (settings.retries() + 1)
        + " attempt(s): check that an SNMP agent "
        + "listens there and that "
        + credentials
        + " right (agents ignore requests they do not accept)";
  }

  private String walkFailure(TableEvent event, List<String> columns) {
    return switch (event.getStatus()) {
      case RetrievalEvent.STATUS_TIMEOUT -> noAnswer();
      case RetrievalEvent.STATUS_REPORT -> reportReason(event.getReportPDU());
      case RetrievalEvent.STATUS_ROW_LIMIT_REACHED ->
          settings.address()
              + " returned more than "
              + MAX_ROWS
              + " rows for the table "
              + columns
              + "; walk stopped";
      case RetrievalEvent.STATUS_WRONG_ORDER ->
          settings.address()
              + " returned the table "
              + columns
              + " out of order (an agent bug); walk stopped";
      case RetrievalEvent.STATUS_EXCEPTION ->
          "walking "
              + columns
              + " on "
              + settings.address()
              + " failed: "
              + event.getException().getMessage();
      default ->
          settings.address()
              + " answered the walk of "
              + columns
              + " with error "
              + event.getErrorMessage();
    };
  }

  /** The USM statistics counter an agent reports names why it refused a v3 request. */
  private String reportReason(PDU report) {
    OID counter = report == null || report.size() == 0 ? null : report.get(0).getOid();
    String agent = settings.address();
    if (counter == null) {
      return agent + " refused the request with an empty report";
    }
    if (counter.startsWith(SnmpConstants.usmStatsWrongDigests)) {
      return agent
          + " refused the SNMPv3 request: wrong auth password or auth protocol for user '"
          + settings.securityName()
          + "' (usmStatsWrongDigests)";
    }
    if (counter.startsWith(SnmpConstants.usmStatsUnknownUserNames)) {
      return agent
          + " does not know the SNMPv3 user '"
          + settings.securityName()
          + "' (usmStatsUnknownUserNames)";
    }
    if (counter.startsWith(SnmpConstants.usmStatsUnsupportedSecLevels)) {
      return agent
          + " refused the SNMPv3 request: user '"
          + settings.securityName()
          + "' is not configured for this auth/priv level (usmStatsUnsupportedSecLevels)";
    }
    if (counter.startsWith(SnmpConstants.usmStatsDecryptionErrors)) {
      return agent
          + " could not decrypt the SNMPv3 request: wrong priv password or priv protocol for user '"
          + settings.securityName()
          + "' (usmStatsDecryptionErrors)";
    }
    if (counter.startsWith(SnmpConstants.usmStatsNotInTimeWindows)) {
      return agent
          + " refused the SNMPv3 request as outside its time window (usmStatsNotInTimeWindows)";
    }
    return agent + " refused the request with a report of " + counter.toDottedString();
  }

  /** Null for noSuchObject, noSuchInstance, endOfMibView and NULL: the agent has no value. */
  static SnmpValue valueOf(Variable variable) {
    if (variable == null || variable.isException() || variable instanceof Null) {
      return null;
    }
    if (variable instanceof Integer32
        || variable instanceof UnsignedInteger32
        || variable instanceof Counter64) {
      long number = variable.toLong();
      return new SnmpValue(number, Long.toString(number));
    }
    if (variable instanceof OctetString text) {
      return new SnmpValue(
          null,
          text.isPrintable()
              ? new String(text.getValue(), StandardCharsets.UTF_8)
              : text.toHexString());
    }
    return new SnmpValue(null, variable.toString());
  }

  private static USM userSecurityModel(SnmpTarget settings) {
    var protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
    var usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
    usm.addUser(
        new UsmUser(
            new OctetString(settings.securityName()),
            settings.authProtocol() == null ? null : settings.authProtocol().id(),
            settings.authPassword() == null ? null : new OctetString(settings.authPassword()),
            settings.privProtocol() == null ? null : settings.privProtocol().id(),
            settings.privPassword() == null ? null : new OctetString(settings.privPassword())));
    return usm;
  }

  private static Target<UdpAddress> target(SnmpTarget settings, UdpAddress address) {
    Target<UdpAddress> target;
    if (settings.version() == SnmpVersion.V3) {
      var user = new UserTarget<UdpAddress>();
      user.setSecurityName(new OctetString(settings.securityName()));
      user.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
      user.setSecurityLevel(
          settings.privProtocol() != null
              ? SecurityLevel.AUTH_PRIV
              : settings.authProtocol() != null
                  ? SecurityLevel.AUTH_NOPRIV
                  : SecurityLevel.NOAUTH_NOPRIV);
      target = user;
    } else {
      target = new CommunityTarget<>(address, new OctetString(settings.community()));
    }
    target.setAddress(address);
    target.setVersion(settings.version().snmp4jVersion());
    target.setTimeout(settings.timeout().toMillis());
    target.setRetries(settings.retries());
    return target;
  }
}
