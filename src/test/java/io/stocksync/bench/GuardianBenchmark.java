package io.stocksync.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Benchmark command (not a test) for the Guardian, against the server of {@code mvn -Prun}. Scenarios: {@code one}
 * (one tenant, bench.one.products products on Shopify, WooCommerce and Square: 3 mappings each) and {@code many}
 * (bench.many.tenants tenants of bench.many.products products, 3 channels each). Shops come from
 * {@link GuardianShops} (API + SQL, stand-ins in this JVM, seeded drift); an unrecorded warm-up of
 * bench.warmup.tenants small shops runs first. Each scenario starts one run per tenant through the API as the tenant
 * and measures until every run has ended, while {@link HeapSampler} reads the server's used heap. Prints the results
 * and appends them to docs/benchmarks.md.
 *
 * <p>{@code mvn -q test-compile exec:java@bench-guardian [-Dbench.url=http://127.0.0.1:9080/stocksync/]
 * [-Dbench.jdbc=jdbc:postgresql://127.0.0.1:15432/stocksync] [-Dbench.scenarios=one,many]
 * [-Dbench.one.products=10000] [-Dbench.many.tenants=1000] [-Dbench.many.products=100] [-Dbench.warmup.tenants=20]
 * [-Dbench.launchers=8] [-Dbench.timeout.seconds=1800] [-Dbench.note="how the server was started"]}
 */
public final class GuardianBenchmark {

  private GuardianBenchmark() {}

  public static void main(String[] args) throws Exception {
    URI app = URI.create(System.getProperty("bench.url", "http://127.0.0.1:9080/stocksync/"));
    String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:15432/stocksync");
    List<String> scenarios = List.of(System.getProperty("bench.scenarios", "one,many").split(","));
    int oneProducts = Integer.getInteger("bench.one.products", 10_000);
    int manyTenants = Integer.getInteger("bench.many.tenants", 1_000);
    int manyProducts = Integer.getInteger("bench.many.products", 100);
    int warmup = Integer.getInteger("bench.warmup.tenants", 20);
    double timeout = Double.parseDouble(System.getProperty("bench.timeout.seconds", "1800"));
    String idle = PipelineBenchmark.loadAverage();
    var rows = new ArrayList<GuardianReport.Row>();
    try (Connection db = DriverManager.getConnection(jdbc, System.getProperty("bench.db.user", "stocksync"),
            System.getProperty("bench.db.password", "stocksync"));
        var shops = new GuardianShops(app, db);
        var sampler = new HeapSampler(app.resolve("/metrics?scope=base"))) {
      var driver = new GuardianRunDriver(db, Integer.getInteger("bench.launchers", 8));
      if (warmup > 0) {
        System.out.printf("warm-up: %d tenants x 100 products (not recorded)%n", warmup);
        driver.run(shops.create("Guardian warm-up", warmup, 100), timeout);
      }
      if (scenarios.contains("one")) {
        rows.add(measure("one", "1 tenant x " + String.format(Locale.ROOT, "%,d", oneProducts) + " products x 3"
            + " channels", shops.create("Guardian bench one", 1, oneProducts), driver, sampler, timeout));
      }
      if (scenarios.contains("many")) {
        rows.add(measure("many", String.format(Locale.ROOT, "%,d tenants x %,d products x 3 channels", manyTenants,
            manyProducts), shops.create("Guardian bench many", manyTenants, manyProducts), driver, sampler, timeout));
      }
    }
    String command = "mvn -q test-compile exec:java@bench-guardian -Dbench.url=" + app + " -Dbench.jdbc=" + jdbc
        + " -Dbench.scenarios=" + String.join(",", scenarios) + " -Dbench.one.products=" + oneProducts
        + " -Dbench.many.tenants=" + manyTenants + " -Dbench.many.products=" + manyProducts
        + " -Dbench.warmup.tenants=" + warmup;
    String section = GuardianReport.section(rows, command, machine(idle), System.getProperty("bench.note", ""));
    System.out.println(section);
    BenchReport.append(Path.of(System.getProperty("bench.report", "docs/benchmarks.md")), section);
  }

  private static GuardianReport.Row measure(String scenario, String label, List<GuardianShops.Shop> shops,
      GuardianRunDriver driver, HeapSampler sampler, double timeout) throws Exception {
    var seeded = shops.stream().map(GuardianShops.Shop::drift).reduce(GuardianShops.Drift::plus).orElseThrow();
    System.out.printf("%s: %s seeded; %,d mappings%n", scenario, label, seeded.inSync() + seeded.repair()
        + seeded.alert() + seeded.awaitSecondRead());
    sampler.restart();
    Thread.sleep(2000);
    double baseline = median(sampler.samples());
    double gcBefore = sampler.read("gc_total").orElse(Double.NaN);
    String load = PipelineBenchmark.loadAverage();
    sampler.restart();
    var outcome = driver.run(shops, timeout);
    var during = sampler.samples();
    double gcs = sampler.read("gc_total").orElse(Double.NaN) - gcBefore;
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "bench-guardian-heap-" + scenario + ".txt"),
        during.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).collect(Collectors.joining("\n", "", "\n")));
    System.out.printf("%s: %,d checks in %.1f s (%,.0f/s), %s%n", scenario, outcome.checked(),
        outcome.finishedAfter(), outcome.checked() / outcome.finishedAfter(), outcome.statuses());
    return new GuardianReport.Row(scenario, label, load, seeded, outcome,
        GuardianReport.HeapSeries.of(baseline, during, gcs));
  }

  private static String machine(String idleLoad) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    double ram = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : Double.NaN;
    return String.format(Locale.ROOT, "Machine: %d cores, %.0f GiB RAM, Java %s; the stand-ins and the benchmark"
            + " client run in Maven's JVM on the same cores as Liberty, PostgreSQL and Artemis. Load average"
            + " (1/5/15 min) before the benchmark started: %s. Heap: `memory_usedHeap_bytes` from"
            + " `/metrics?scope=base&name=memory.usedHeap` every 100 ms; baseline = median of 2 s idle before the"
            + " runs.",
        Runtime.getRuntime().availableProcessors(), ram / (1L << 30), System.getProperty("java.version"), idleLoad);
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }
}
