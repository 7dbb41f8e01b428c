package dev.argus.bench.faults;

import dev.argus.bench.BenchStack;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A JDBC connection to the stack's database that survives the database's own faults (a stop and
 * start, a crash restart): before each statement is prepared it checks that its connection is still
 * good and opens a new one when not. The harness's counters keep one connection for the whole
 * scenario, and pgjdbc does not reconnect by itself.
 */
final class ReconnectingConnection implements InvocationHandler {

  private static final int VALID_TIMEOUT_SECONDS = 2;

  private final BenchStack stack;
  private Connection current;

  private ReconnectingConnection(BenchStack stack) throws SQLException {
    this.stack = stack;
    this.current = stack.connect();
  }

  static Connection open(BenchStack stack) throws SQLException {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new ReconnectingConnection(stack));
  }

  @Override
  public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
      if (current.isClosed() || !current.isValid(VALID_TIMEOUT_SECONDS)) {
        try {
          current.close();
        } catch (SQLException alreadyBroken) {
          // A broken connection may refuse to close cleanly; a new one replaces it either way.
        }
        current = stack.connect();
      }
    }
    try {
      return method.invoke(current, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
