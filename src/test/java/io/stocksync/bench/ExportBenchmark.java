package io.stocksync.bench;

import io.stocksync.teststack.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Benchmark command (not a test) for the product CSV export, against the server of {@code mvn -Prun}: creates
 * tenants through the platform API, seeds them with SQL, downloads each export while {@link HeapSampler} watches
 * the server's heap, prints the results and appends them to docs/benchmarks.md. A smaller tenant is exported
 * too (bench.compare), so the report shows whether the heap grows with the export's size; each export is
 * measured bench.repeat times. The tenants stay: run it against a throwaway data folder (or delete them through
 * the API afterwards: a batched purge, see TenantDeleteBenchmark).
 *
 * <p>{@code mvn -q test-compile exec:java@bench-export [-Dbench.products=100000] [-Dbench.compare=10000]
 * [-Dbench.repeat=3] [-Dbench.note="how the server was started"]}
 */
public final class ExportBenchmark {

  static final String EXPORT = "api/v1/products/export.csv";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** One measured export. Heap figures in bytes; baseline is the median of 2 s idle just before. */
  record Result(int products, long rows, long bytes, double firstByteSeconds, double seconds, double baselineHeap,
      double peakHeap, double collections, double gcSeconds, int samples) {}

  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    URI app = URI.create(System.getProperty("bench.url", "http://127.0.0.1:9080/stocksync/"));
    int products = Integer.getInteger("bench.products", 100_000);
    int compare = Integer.getInteger("bench.compare", 10_000);
    int repeat = Integer.getInteger("bench.repeat", 3);
    var seeder = new BenchSeeder(System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:15432/stocksync"),
        System.getProperty("bench.db.user", "stocksync"), System.getProperty("bench.db.password", "stocksync"));
    List<Integer> sizes = compare > 0 ? List.of(compare, products) : List.of(products);
    var tenants = new ArrayList<TestTenant>();
    try (var sampler = new HeapSampler(app.resolve("/metrics?scope=base"))) {
      for (int size : sizes) {
        tenants.add(seed(app, seeder, size));
      }
      download(tenants.get(0)); // warm-up (JIT, pools), not recorded
      var results = new ArrayList<Result>();
      for (int i = 0; i < sizes.size(); i++) {
        for (int r = 0; r < repeat; r++) {
          results.add(measure(tenants.get(i), sizes.get(i), sampler));
        }
      }
      String command = "mvn -q test-compile exec:java@bench-export -Dbench.products=" + products
          + " -Dbench.compare=" + compare + " -Dbench.repeat=" + repeat;
      String section = BenchReport.section(results, sampler.read(HeapSampler.MAX_HEAP).orElse(Double.NaN), command,
          System.getProperty("bench.note", ""));
      System.out.println(section);
      BenchReport.append(Path.of(System.getProperty("bench.report", "docs/benchmarks.md")), section);
    }
  }

  private static TestTenant seed(URI app, BenchSeeder seeder, int size) throws Exception {
    long t0 = System.nanoTime();
    var shop = TestTenant.create(app, "Export bench " + size, "ENTERPRISE");
    shop.channel("SHOPIFY", "Shopify", 0);
    shop.channel("DELIVEROO", "Deliveroo", 5);
    shop.channel("SQUARE", "Square POS", 2);
    seeder.seed(shop.id(), size, "Shopify", "Deliveroo", "Square POS");
    System.out.printf("seeded tenant %s with %,d products in %.1f s%n", shop.id(), size, seconds(t0));
    return shop;
  }

  private static Result measure(TestTenant shop, int size, HeapSampler sampler) throws Exception {
    sampler.restart();
    Thread.sleep(2000);
    double baseline = median(sampler.samples());
    double gcBefore = sampler.read("gc_total").orElse(Double.NaN);
    double gcTimeBefore = sampler.read("gc_time_seconds").orElse(Double.NaN);
    sampler.restart();
    long[] counted = download(shop);
    List<Double> during = sampler.samples();
    double gcAfter = sampler.read("gc_total").orElse(Double.NaN);
    double gcTimeAfter = sampler.read("gc_time_seconds").orElse(Double.NaN);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "bench-export-heap-" + size + ".txt"),
        during.stream().map(d -> String.format("%.0f", d)).collect(Collectors.joining("\n", "", "\n")));
    double peak = during.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return new Result(size, counted[1] - 1, counted[0], counted[2] / 1e9, counted[3] / 1e9, baseline, peak,
        gcAfter - gcBefore, gcTimeAfter - gcTimeBefore, during.size());
  }

  /** Streams the export to nowhere. Answers bytes, lines, nanos to the headers, nanos in all. */
  private static long[] download(TestTenant shop) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    var request = shop.user().request(EXPORT).timeout(Duration.ofMinutes(10)).GET().build();
    HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long headers = System.nanoTime() - t0;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("export answered " + response.statusCode());
    }
    long bytes = 0;
    long lines = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = response.body()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++; // the seeded names hold no line breaks, so a line is a record
          }
        }
      }
    }
    return new long[] {bytes, lines, headers, System.nanoTime() - t0};
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
