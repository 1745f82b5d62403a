package io.stocksync.platform.request;

import java.util.UUID;
import java.util.regex.Pattern;

/** The current request's id, bound to the handling thread for its duration. */
public final class RequestId {

  public static final String HEADER = "X-Request-ID";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<String> CURRENT_TENANT = new ThreadLocal<>();

  private RequestId() {}

  /** The caller's id if it is a sane token, otherwise a new one: a header must not inject into our logs. */
  public static String acceptOrCreate(String offered) {
    return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
  }

  public static String current() {
    return CURRENT.get();
  }

  /** Runs work under a request id carried by a message, so the work's writes and logs name it. */
  public static void runWith(String id, Runnable work) {
    runWith(id, null, work);
  }

  /** Runs a tenant's work under a request id carried by a message: its writes and log records name both. */
  public static void runWith(String id, UUID tenantId, Runnable work) {
    String previous = CURRENT.get();
    String previousTenant = CURRENT_TENANT.get();
    bind(id);
    bindTenant(tenantId == null ? null : tenantId.toString());
    try {
      work.run();
    } finally {
      bindTenant(previousTenant);
      if (previous == null) {
        unbind();
      } else {
        bind(previous);
      }
    }
  }

  /**
   * Binds a tenant's request id to this thread until {@link #clear}: for work whose start and end are separate
   * callbacks (a batch job's or step's listeners), where {@link #runWith}'s block does not fit. Pooled threads:
   * always pair it with clear in a finally or an after-callback.
   */
  public static void bindUntilCleared(String id, UUID tenantId) {
    bind(id);
    bindTenant(tenantId == null ? null : tenantId.toString());
  }

  public static void clear() {
    unbind();
  }

  static void bind(String id) {
    CURRENT.set(id);
    LogContext.put(LogContext.REQUEST_ID, id);
  }

  private static void bindTenant(String tenantId) {
    if (tenantId == null) {
      CURRENT_TENANT.remove();
    } else {
      CURRENT_TENANT.set(tenantId);
    }
    LogContext.put(LogContext.TENANT_ID, tenantId);
  }

  static void unbind() {
    CURRENT.remove();
    CURRENT_TENANT.remove();
    LogContext.remove(LogContext.REQUEST_ID);
    LogContext.remove(LogContext.TENANT_ID);
  }
}
