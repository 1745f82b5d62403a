package io.stocksync.teststack;

import java.util.Arrays;

/** The server's /metrics in Prometheus text format, as the tests read it. */
public final class Metrics {

  private Metrics() {}

  public static String scrape() {
    return Api.server().get("metrics").body();
  }

  /**
   * The sum of a metric's samples carrying every given label (comma-separated {@code name="value"} pairs), each
   * matched on its own: Prometheus output puts other labels (mp_scope) among them in no promised order.
   */
  public static double value(String metrics, String name, String labels) {
    var wanted = Arrays.stream(labels.split(",")).filter(l -> !l.isEmpty()).toList();
    return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> wanted.stream().allMatch(l::contains))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  /** The lines that mention {@code fragment}, for assertion messages. */
  public static String grep(String metrics, String fragment) {
    return String.join("\n", metrics.lines().filter(l -> l.contains(fragment)).toList());
  }
}
