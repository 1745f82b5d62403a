package io.stocksync.platform.request;

import java.util.UUID;
import java.util.regex.Pattern;

/** The current request's id, bound to the handling thread for its duration. */
public final class RequestId {

  public static final String HEADER = "X-Request-ID";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

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
    String previous = CURRENT.get();
    CURRENT.set(id);
    try {
      work.run();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static void bind(String id) {
    CURRENT.set(id);
  }

  static void unbind() {
    CURRENT.remove();
  }
}
