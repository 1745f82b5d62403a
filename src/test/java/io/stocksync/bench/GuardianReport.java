package io.stocksync.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The Guardian benchmark's results as a Markdown section of docs/benchmarks.md. */
final class GuardianReport {

  private static final double MIB = 1024 * 1024;

  /** One measured scenario: its shops, what the runs found against what was seeded, time and heap. */
  record Row(String scenario, String shops, String loadBefore, GuardianShops.Drift seeded,
      GuardianRunDriver.Outcome outcome, HeapSeries heap) {}

  /** Used heap before and during the runs, in bytes. */
  record HeapSeries(double baseline, double peak, double floorFirstQuarter, double floorLastQuarter,
      double collections, int samples) {

    static HeapSeries of(double baseline, List<Double> during, double collections) {
      int q = Math.max(1, during.size() / 4);
      return new HeapSeries(baseline, max(during), min(during.subList(0, Math.min(q, during.size()))),
          min(during.subList(Math.max(0, during.size() - q), during.size())), collections, during.size());
    }

    private static double max(List<Double> v) {
      return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double min(List<Double> v) {
      return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
  }

  private GuardianReport() {}

  static String section(List<Row> rows, String command, String machine, String note) {
    var s = new StringBuilder();
    s.append("\n## Guardian reconciliation, ").append(OffsetDateTime.now(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
    s.append("Reproduce: `mvn -Prun -Dstocksync.data.dir=/tmp/guardian-bench` (a throwaway database: the benchmark"
        + " tenants stay), wait for `/health/ready`, then `").append(command).append("`.\n");
    if (!note.isBlank()) {
      s.append("Server: ").append(note).append("\n");
    }
    s.append(machine).append("\n\n");
    s.append("| scenario | shops | load before (1/5/15 min) | runs | POSTs done (s) | all ended (s) | checks"
        + " | checks/s | seeded in sync / repair / alert / await"
        + " | found in sync / repaired / alerted / skipped / failed | batch status"
        + " | heap baseline / peak / floor 1st quarter / floor last quarter (MiB) | GCs | heap samples |\n");
    s.append("|---|---|---|---:|---:|---:|---:|---:|---|---|---|---|---:|---:|\n");
    for (var r : rows) {
      var o = r.outcome();
      var d = r.seeded();
      var h = r.heap();
      s.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %.1f | %.1f | %,d | %,.0f | %,d / %,d / %,d / %,d"
              + " | %,d / %,d / %,d / %,d / %,d | %s | %.0f / %.0f / %.0f / %.0f | %.0f | %d |%n",
          r.scenario(), r.shops(), r.loadBefore(), o.statuses().values().stream().mapToLong(Long::longValue).sum(),
          o.launchedAfter(), o.finishedAfter(), o.checked(), o.checked() / o.finishedAfter(), d.inSync(),
          d.repair(), d.alert(), d.awaitSecondRead(), o.inSync(), o.repaired(), o.alerted(), o.skipped(),
          o.failed(), o.statuses(), h.baseline() / MIB, h.peak() / MIB, h.floorFirstQuarter() / MIB,
          h.floorLastQuarter() / MIB, h.collections(), h.samples()));
    }
    return s.toString();
  }
}
