package io.stocksync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Formats benchmark results as a Markdown section and appends it to the benchmarks document. */
final class BenchReport {

  private static final double MIB = 1024 * 1024;

  private BenchReport() {}

  static String section(List<ExportBenchmark.Result> results, double maxHeap, String command, String note) {
    var s = new StringBuilder();
    s.append("\n## Product CSV export, ").append(OffsetDateTime.now(ZoneOffset.UTC)
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append("\n\n");
    s.append("Reproduce: `mvn -Prun -Dstocksync.data.dir=/tmp/stocksync-bench` (a throwaway database: the benchmark"
        + " tenants stay), wait for `/health/ready`, then `").append(command).append("`.\n");
    if (!note.isBlank()) {
      s.append("Server: ").append(note).append("\n");
    }
    s.append(String.format(Locale.ROOT, "Machine: %d cores, %.0f GiB RAM, Java %s; the client runs in Maven's JVM"
            + " on the same machine. Server max heap %.0f MiB. Heap sampled every 100 ms from"
            + " `/metrics` (`memory_usedHeap_bytes`); baseline = median of 2 s idle before the download.%n%n",
        Runtime.getRuntime().availableProcessors(), totalMemory() / 1024 / MIB, System.getProperty("java.version"),
        maxHeap / MIB));
    s.append("| products | rows | bytes | headers after (s) | total (s) | rows/s | MB/s"
        + " | baseline used heap (MiB) | peak used heap (MiB) | GCs during | GC time (s) | heap samples |\n");
    s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var r : results) {
      s.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %.2f | %.2f | %,.0f | %.1f | %.0f | %.0f | %.0f | %.2f | %d |%n",
          r.products(), r.rows(), r.bytes(), r.firstByteSeconds(), r.seconds(), r.rows() / r.seconds(),
          r.bytes() / r.seconds() / 1e6, r.baselineHeap() / MIB, r.peakHeap() / MIB, r.collections(), r.gcSeconds(),
          r.samples()));
    }
    return s.toString();
  }

  static void append(Path document, String section) throws IOException {
    if (!Files.exists(document)) {
      Files.writeString(document, "# Benchmarks\n");
    }
    Files.writeString(document, section, StandardOpenOption.APPEND);
  }

  private static double totalMemory() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : Double.NaN;
  }
}
