package io.stocksync.platform.request;

import com.ibm.websphere.logging.hpel.LogRecordContext;

/**
 * Fields every log record of this thread carries in Liberty's JSON logs ({@code ext_requestId},
 * {@code ext_tenantId}), through Liberty's LogRecordContext. Outside Liberty (unit tests) it does nothing.
 */
public final class LogContext {

  public static final String REQUEST_ID = "requestId";
  public static final String TENANT_ID = "tenantId";
  private static final boolean AVAILABLE = available();

  private LogContext() {}

  public static void put(String name, String value) {
    if (!AVAILABLE) {
      return;
    }
    if (value == null) {
      LogRecordContext.removeExtension(name);
    } else {
      LogRecordContext.addExtension(name, value);
    }
  }

  public static void remove(String name) {
    put(name, null);
  }

  private static boolean available() {
    try {
      LogRecordContext.getExtensions(new java.util.HashMap<>());
      return true;
    } catch (LinkageError | RuntimeException notOnLiberty) {
      return false;
    }
  }
}
