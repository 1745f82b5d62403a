package io.stocksync.channel.push;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for {@link PushOutcome}s and the batching every writer shares. */
public final class PushOutcomes {

  private static final int MAX_ERROR = 200;

  private PushOutcomes() {}

  public static PushOutcome failed(Integer httpStatus, String error) {
    return new PushOutcome(PushOutcome.Status.FAILED, null, httpStatus, shorten(error), null);
  }

  public static PushOutcome conflict(Long actual, Integer httpStatus, String error) {
    return new PushOutcome(PushOutcome.Status.CONFLICT, actual, httpStatus, shorten(error), null);
  }

  public static Map<String, PushOutcome> allFailed(List<LevelPush> pushes, Integer httpStatus, String error) {
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    pushes.forEach(p -> outcomes.put(p.externalId(), failed(httpStatus, error)));
    return outcomes;
  }

  /** Splits into consecutive slices of at most {@code size} (vendors cap their batch calls, mostly at 100). */
  public static <T> List<List<T>> slices(List<T> items, int size) {
    var slices = new ArrayList<List<T>>();
    for (int i = 0; i < items.size(); i += size) {
      slices.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return slices;
  }

  /** Vendor error texts end up in sync events: keep them short. */
  static String shorten(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + "…";
  }
}
