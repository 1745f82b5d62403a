package io.stocksync.bench;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** Formats the pipeline benchmark's runs as a Markdown section for docs/benchmarks.md. */
final class PipelineReport {

  private PipelineReport() {}

  static String section(List<PipelineBenchmark.Run> runs, List<String> findings, String command, String note,
      String idleLoad) {
    var s = new StringBuilder();
    s.append("\n## Webhook pipeline, ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
    s.append("Reproduce: `mvn -Prun -Dstocksync.data.dir=/tmp/stocksync-bench` (a throwaway database: the benchmark"
        + " tenants stay), wait for `/health/ready`, then `").append(command).append("`.\n");
    if (!note.isBlank()) {
      s.append("Server: ").append(note).append("\n");
    }
    var os = ManagementFactory.getOperatingSystemMXBean();
    double ram = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : Double.NaN;
    boolean busy = firstLoad(idleLoad) > 0.5;
    s.append(String.format(Locale.ROOT, "Machine: %d cores, %.0f GiB RAM, Java %s; the load generator and the"
            + " channel stand-ins run in Maven's JVM on the same cores as Liberty, PostgreSQL and Artemis. Load"
            + " average (1/5/15 min) before the benchmark started: %s; the figure before each run also holds the"
            + " tail of the benchmark's own previous run.%s%n%n",
        Runtime.getRuntime().availableProcessors(), ram / (1L << 30), System.getProperty("java.version"), idleLoad,
        busy ? " **The load was above 0.5 when the benchmark started** (the decaying tail of a build, of the"
            + " server's start or of an earlier benchmark, or other work on the machine: the server section says"
            + " which); read the numbers as pessimistic." : ""));
    s.append("| scenario | shops | load before (1/5/15 min) | target rate /s | sent | 200 | other answers"
        + " | accepted /s | accept p50 / p99 / p99.9 / max (ms) | orders completed | end-to-end p50 / p99 / p99.9"
        + " / max (ms) | end-to-end /s | drained after last send (s) |\n");
    s.append("|---|---|---|---:|---:|---:|---|---:|---|---:|---|---:|---:|\n");
    for (var r : runs) {
      s.append("| ").append(row(r).replace(" ; ", " | ")).append(" |\n");
    }
    s.append('\n');
    if (runs.stream().anyMatch(r -> r.extra().startsWith("sent/"))) {
      s.append("In the fairness run with the noisy tenant, sent, 200 and accepted/s count every tenant; the latency"
          + " columns are the quiet tenants' orders in one row and the noisy tenant's in the other.\n");
    }
    for (var f : findings) {
      s.append("- ").append(f).append('\n');
    }
    return s.toString();
  }

  /** One run as the table's cells separated by " ; " (also the console line). */
  static String row(PipelineBenchmark.Run r) {
    var sent = r.sent();
    String others = sent.statuses().entrySet().stream().filter(e -> e.getKey() != 200)
        .map(e -> (e.getKey() == -1 ? "none" : e.getKey().toString()) + ": " + e.getValue())
        .collect(Collectors.joining(", "));
    return String.join(" ; ", r.scenario(), r.label(), r.load(), fmt("%,.0f", r.rate()), fmt("%,d", sent.sent()),
        fmt("%,d", sent.ok()), others.isEmpty() ? "-" : others, fmt("%,.0f", sent.achievedPerSecond()),
        percentiles(r.accept()), fmt("%,d", r.e2e().getTotalCount()), percentiles(r.e2e()),
        r.e2eSeconds() > 0 ? fmt("%,.0f", r.e2e().getTotalCount() / r.e2eSeconds()) : "-",
        r.drainSeconds() != null ? fmt("%.1f", r.drainSeconds())
            : fmt("not drained: %,d orders never seen on both channels", r.incomplete()));
  }

  private static String percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "-";
    }
    return fmt("%s / %s / %s / %s", ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
  }

  private static String ms(long micros) {
    double ms = micros / 1000.0;
    return ms < 10 ? fmt("%.1f", ms) : fmt("%,.0f", ms);
  }

  private static double firstLoad(String load) {
    try {
      return Double.parseDouble(load.split(" ")[0]);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
