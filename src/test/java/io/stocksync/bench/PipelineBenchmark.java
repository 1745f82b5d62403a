package io.stocksync.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Benchmark command (not a test) for the webhook pipeline of issue 4, against the server of {@code mvn -Prun}.
 * Signed Shopify orders/create webhooks go out open-loop at a fixed rate ({@link OpenLoop}); each takes one unit
 * of one product mapped on Shopify, WooCommerce and Square, whose APIs are stand-ins in this JVM; the end of an
 * order is the write that shows its level on the last of WooCommerce and Square ({@link LevelArrivals}).
 * Scenarios (bench.scenarios, comma-separated, run in the order given):
 * <ul>
 *   <li>{@code e2e}: bench.tenants tenants x bench.products products, orders spread evenly over them, at each
 *       rate of bench.e2e.rates for bench.e2e.seconds: accept and end-to-end latency, throughput;
 *   <li>{@code accept}: the same shops at each rate of bench.accept.rates for bench.accept.seconds: accept
 *       latency and achieved rate;
 *   <li>{@code hot}: one product of its own tenant at bench.hot.rate for bench.hot.seconds, then its final stock
 *       read through the API and on both stand-ins, which must be exact;
 *   <li>{@code fairness}: bench.fair.tenants quiet tenants at bench.fair.rate orders/s each, alone, then with one
 *       more tenant sending bench.fair.factor times that rate: the quiet tenants' latency with and without it.
 * </ul>
 * Before the first scenario an unrecorded warm-up (bench.warmup.rate for bench.warmup.seconds) runs on the shops;
 * after each run the command waits (at most bench.drain.seconds) until every order has reached both channels.
 * Latencies are from each request's intended send time. Results are printed and appended to docs/benchmarks.md.
 *
 * <p>{@code mvn -q test-compile exec:java@bench-pipeline -Dbench.url=http://127.0.0.1:9080/stocksync/
 * [-Dbench.scenarios=e2e,accept,hot,fairness] [-Dbench.tenants=100] [-Dbench.products=10]
 * [-Dbench.e2e.rates=500,1000] [-Dbench.e2e.seconds=30] [-Dbench.accept.rates=2000] [-Dbench.accept.seconds=20]
 * [-Dbench.hot.rate=2000] [-Dbench.hot.seconds=10] [-Dbench.fair.tenants=20] [-Dbench.fair.rate=10]
 * [-Dbench.fair.factor=20] [-Dbench.fair.seconds=30] [-Dbench.fair.noisy.tier=ENTERPRISE|FREE|...]
 * [-Dbench.drain.seconds=300] [-Dbench.stall.seconds=20]
 * [-Dbench.note="how the server was started"]}
 */
public final class PipelineBenchmark {

  /** One measured run. Histograms in microseconds. */
  record Run(String scenario, String label, String load, double rate, OpenLoop.Result sent, Histogram accept,
      Histogram e2e, long incomplete, double e2eSeconds, Double drainSeconds, String extra) {}

  private final PipelineShops shops;
  private final long drainSeconds = Long.getLong("bench.drain.seconds", 300);
  private final long stallSeconds = Long.getLong("bench.stall.seconds", 20);
  private final List<Run> runs = new ArrayList<>();
  private final List<String> findings = new ArrayList<>();

  private PipelineBenchmark(URI app) {
    this.shops = new PipelineShops(app);
  }

  public static void main(String[] args) throws Exception {
    var app = URI.create(System.getProperty("bench.url", "http://127.0.0.1:9080/stocksync/"));
    var scenarios = List.of(System.getProperty("bench.scenarios", "e2e,accept,hot,fairness").split(","));
    String idle = loadAverage(); // before the benchmark adds its own: the runs' figures include their predecessors'
    var bench = new PipelineBenchmark(app);
    Runtime.getRuntime().addShutdownHook(new Thread(bench.shops::close, "pause-bench-tenants"));
    try {
      bench.run(scenarios);
    } finally {
      bench.shops.close();
    }
    String section = PipelineReport.section(bench.runs, bench.findings, command(scenarios),
        System.getProperty("bench.note", ""), idle);
    System.out.println(section);
    BenchReport.append(Path.of(System.getProperty("bench.report", "docs/benchmarks.md")), section);
    System.exit(0); // the stand-ins' and the HTTP client's threads
  }

  private void run(List<String> scenarios) throws Exception {
    int tenants = Integer.getInteger("bench.tenants", 100);
    int products = Integer.getInteger("bench.products", 10);
    List<PipelineShops.Shop> many = null;
    if (scenarios.contains("e2e") || scenarios.contains("accept")) {
      long t0 = System.nanoTime();
      many = shops.create("Pipeline bench", tenants, products, PipelineShops.INITIAL);
      log("created %d tenants x %d products (3 channels each) in %.1f s", tenants, products, since(t0));
      warmUp(many);
    }
    for (String scenario : scenarios) {
      switch (scenario.trim()) {
        case "e2e" -> {
          for (String rate : System.getProperty("bench.e2e.rates", "500,1000").split(",")) {
            double r = Double.parseDouble(rate);
            measure("e2e", tenants + " tenants x " + products + " products", r,
                Integer.getInteger("bench.e2e.seconds", 30), weighted(many, -1, 1), "");
          }
        }
        case "accept" -> {
          for (String rate : System.getProperty("bench.accept.rates", "2000").split(",")) {
            measure("accept", tenants + " tenants x " + products + " products", Double.parseDouble(rate),
                Integer.getInteger("bench.accept.seconds", 20), weighted(many, -1, 1), "");
          }
        }
        case "hot" -> hot();
        case "fairness" -> fairness();
        default -> throw new IllegalArgumentException("unknown scenario " + scenario);
      }
    }
  }

  private void warmUp(List<PipelineShops.Shop> shops) throws Exception {
    double rate = Double.parseDouble(System.getProperty("bench.warmup.rate", "200"));
    int seconds = Integer.getInteger("bench.warmup.seconds", 10);
    if (seconds <= 0) {
      return;
    }
    var pattern = weighted(shops, -1, 1);
    var ignored = new ConcurrentHistogram(3);
    long before = this.shops.arrivals.incomplete();
    var result = OpenLoop.send(rate, (long) (rate * seconds), (i, intended) -> shot(pattern, i, intended, ignored,
        ignored), 60);
    boolean drained = this.shops.arrivals.awaitAll(drainSeconds, stallSeconds, before);
    log("warm-up: %d sent at %.0f/s, %d answered 200, drained: %s", result.sent(), rate, result.ok(), drained);
  }

  /** Shops repeated by weight (the one at {@code heavy} gets {@code factor}), shuffled with a fixed seed. */
  private static List<PipelineShops.Shop> weighted(List<PipelineShops.Shop> shops, int heavy, int factor) {
    var pattern = new ArrayList<PipelineShops.Shop>();
    for (int s = 0; s < shops.size(); s++) {
      for (int k = 0; k < (s == heavy ? factor : 1); k++) {
        pattern.add(shops.get(s));
      }
    }
    Collections.shuffle(pattern, new Random(42));
    return pattern;
  }

  private OpenLoop.Shot shot(List<PipelineShops.Shop> pattern, long i, long intended, Histogram accept,
      Histogram e2e) {
    var shop = pattern.get((int) (i % pattern.size()));
    var product = shop.nextProduct();
    var request = shops.order(shop, product);
    shops.arrivals.sent(product.track(), intended, e2e);
    return new OpenLoop.Shot(request, accept);
  }

  private Run measure(String scenario, String label, double rate, int seconds, List<PipelineShops.Shop> pattern,
      String extra) throws Exception {
    String load = loadAverage();
    var accept = new ConcurrentHistogram(3);
    var e2e = new ConcurrentHistogram(3);
    long before = shops.arrivals.incomplete();
    long start = System.nanoTime();
    log("%s %s: %.0f/s for %d s (load %s)", scenario, label, rate, seconds, load);
    var result = OpenLoop.send(rate, (long) (rate * seconds), (i, intended) -> shot(pattern, i, intended, accept, e2e),
        120);
    long sendEnd = start + (long) (seconds * 1e9);
    boolean drained = shops.arrivals.awaitAll(drainSeconds, stallSeconds, before);
    double drain = Math.max(0, (shops.arrivals.lastCompletionNanos() - sendEnd) / 1e9);
    long incomplete = shops.arrivals.incomplete() - before;
    double e2eSeconds = (shops.arrivals.lastCompletionNanos() - start) / 1e9;
    var run = new Run(scenario, label, load, rate, result, accept, e2e, incomplete, e2eSeconds,
        drained ? drain : null, extra);
    runs.add(run);
    log("  %s", PipelineReport.row(run));
    return run;
  }

  private void hot() throws Exception {
    double rate = Double.parseDouble(System.getProperty("bench.hot.rate", "2000"));
    int seconds = Integer.getInteger("bench.hot.seconds", 10);
    var shop = shops.create("Hot product bench", 1, 1, PipelineShops.INITIAL).get(0);
    var product = shop.products().get(0);
    var run = measure("hot", "1 product", rate, seconds, List.of(shop), "");
    long expected = PipelineShops.INITIAL - run.sent().ok();
    long onHand = shop.tenant().onHand(product.id());
    Long woo = shops.woo.level(product.wooItem());
    Long square = shops.square.level(product.squareItem());
    String verdict = String.format("%,d orders accepted: expected on-hand %,d; API on-hand %,d, WooCommerce %s,"
        + " Square %s: %s", run.sent().ok(), expected, onHand, woo, square,
        onHand == expected && Long.valueOf(expected).equals(woo) && Long.valueOf(expected).equals(square)
            ? "exact" : "NOT EXACT");
    log("  hot product: %s", verdict);
    runs.set(runs.size() - 1, new Run(run.scenario(), run.label(), run.load(), run.rate(), run.sent(), run.accept(),
        run.e2e(), run.incomplete(), run.e2eSeconds(), run.drainSeconds(), verdict));
    findings.add("Hot product: " + verdict + ".");
  }

  private void fairness() throws Exception {
    int quiet = Integer.getInteger("bench.fair.tenants", 20);
    double perTenant = Double.parseDouble(System.getProperty("bench.fair.rate", "10"));
    int factor = Integer.getInteger("bench.fair.factor", 20);
    int seconds = Integer.getInteger("bench.fair.seconds", 30);
    int products = Integer.getInteger("bench.products", 10);
    String noisyTier = System.getProperty("bench.fair.noisy.tier", "ENTERPRISE");
    var all = shops.create("Fairness bench", quiet + 1, products, PipelineShops.INITIAL);
    if (!"ENTERPRISE".equals(noisyTier)) {
      shops.changeTier(all.get(quiet), noisyTier); // a flood: beyond its tier's webhooks per minute, deferred
    }
    var quietOnes = all.subList(0, quiet);
    var alone = measure("fairness", quiet + " quiet tenants alone", quiet * perTenant, seconds,
        weighted(quietOnes, -1, 1), "");
    // Same quiet schedule, plus the noisy tenant: record the quiet tenants' orders apart from the noisy one's.
    String load = loadAverage();
    var acceptQuiet = new ConcurrentHistogram(3);
    var e2eQuiet = new ConcurrentHistogram(3);
    var acceptNoisy = new ConcurrentHistogram(3);
    var e2eNoisy = new ConcurrentHistogram(3);
    var pattern = weighted(all, quiet, factor);
    var noisy = all.get(quiet);
    double rate = (quiet + factor) * perTenant;
    long before = shops.arrivals.incomplete();
    long deferredBefore = shops.deferredSoFar();
    long start = System.nanoTime();
    log("fairness: quiet tenants with one at %dx: %.0f/s for %d s (load %s)", factor, rate, seconds, load);
    var result = OpenLoop.send(rate, (long) (rate * seconds), (i, intended) -> {
      boolean isNoisy = pattern.get((int) (i % pattern.size())) == noisy;
      return shot(pattern, i, intended, isNoisy ? acceptNoisy : acceptQuiet, isNoisy ? e2eNoisy : e2eQuiet);
    }, 120);
    long sendEnd = start + (long) (seconds * 1e9);
    boolean drained = shops.arrivals.awaitAll(drainSeconds, stallSeconds, before);
    double drain = Math.max(0, (shops.arrivals.lastCompletionNanos() - sendEnd) / 1e9);
    long incomplete = shops.arrivals.incomplete() - before;
    double e2eSeconds = (shops.arrivals.lastCompletionNanos() - start) / 1e9;
    long deferred = shops.deferredSoFar() - deferredBefore;
    var withQuiet = new Run("fairness", quiet + " quiet tenants, with the noisy one (quiet tenants' latency)",
        load, rate, result, acceptQuiet, e2eQuiet, incomplete, e2eSeconds, drained ? drain : null,
        "sent/answered/completed cover all tenants");
    var noisyRun = new Run("fairness", "the noisy tenant (" + factor + "x, " + noisyTier + "), same run", load,
        factor * perTenant, result, acceptNoisy, e2eNoisy, incomplete, e2eSeconds, drained ? drain : null,
        "sent/answered/completed cover all tenants; " + deferred + " deliveries deferred over a tier's webhooks"
            + " per minute");
    runs.add(withQuiet);
    runs.add(noisyRun);
    log("  %s", PipelineReport.row(withQuiet));
    log("  %s", PipelineReport.row(noisyRun));
    double e2eBefore = alone.e2e().getValueAtPercentile(99) / 1000.0;
    double e2eAfter = e2eQuiet.getValueAtPercentile(99) / 1000.0;
    double acceptBefore = alone.accept().getValueAtPercentile(99) / 1000.0;
    double acceptAfter = acceptQuiet.getValueAtPercentile(99) / 1000.0;
    if (alone.e2e().getTotalCount() == 0 || e2eQuiet.getTotalCount() == 0) {
      findings.add("Fairness: no end-to-end data (no order reached both channels); see the table.");
      return;
    }
    findings.add(String.format("Fairness: the quiet tenants' end-to-end p99 went from %.1f ms alone to %.1f ms"
            + " beside a tenant sending %dx their rate (%+.0f%%; target < +20%%); their accept p99 from %.1f to"
            + " %.1f ms (%+.0f%%). The noisy tenant was %s; %d of its deliveries were deferred over its tier's"
            + " webhooks per minute.", e2eBefore, e2eAfter, factor, (e2eAfter / e2eBefore - 1) * 100, acceptBefore, acceptAfter,
        (acceptAfter / acceptBefore - 1) * 100, noisyTier, deferred));
  }

  private static String command(List<String> scenarios) {
    var s = new StringBuilder("mvn -q test-compile exec:java@bench-pipeline -Dbench.url=")
        .append(System.getProperty("bench.url", "http://127.0.0.1:9080/stocksync/"))
        .append(" -Dbench.scenarios=").append(String.join(",", scenarios));
    for (String p : new String[] {"bench.tenants", "bench.products", "bench.warmup.rate", "bench.warmup.seconds",
        "bench.e2e.rates", "bench.e2e.seconds", "bench.accept.rates", "bench.accept.seconds", "bench.hot.rate",
        "bench.hot.seconds", "bench.fair.tenants", "bench.fair.rate", "bench.fair.factor", "bench.fair.seconds",
        "bench.fair.noisy.tier", "bench.drain.seconds", "bench.stall.seconds"}) {
      if (System.getProperty(p) != null) {
        s.append(" -D").append(p).append('=').append(System.getProperty(p));
      }
    }
    return s.toString();
  }

  /** The machine's 1, 5 and 15 minute load averages, as uptime shows them. */
  static String loadAverage() {
    try {
      var fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return String.join(" ", Arrays.copyOf(fields, 3));
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }

  private static double since(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static void log(String format, Object... args) {
    System.out.printf(java.util.Locale.ROOT, format + "%n", args);
  }
}
