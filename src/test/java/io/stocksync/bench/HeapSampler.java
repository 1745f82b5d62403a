package io.stocksync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the server's used heap from /metrics (Prometheus text, MicroProfile base metrics; give it the base scope's
 * URI) every 100 ms. Used heap counts garbage not yet collected, so it saw-tooths between collections: a leak or a
 * fully buffered result shows as a floor that keeps rising and a peak that grows with the export's size.
 */
final class HeapSampler implements AutoCloseable {

  static final String USED_HEAP = "memory_usedHeap_bytes";
  static final String MAX_HEAP = "memory_maxHeap_bytes";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final URI metrics;
  // The poll asks for the used-heap gauge only: the whole base scope is 48 KB of text, and rendering it ten times a
  // second cost the server about a sixth of its CPU samples during the Guardian benchmark.
  private final URI usedHeap;
  private final List<Double> samples = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    var t = new Thread(r, "heap-sampler");
    t.setDaemon(true);
    return t;
  });

  HeapSampler(URI metrics) {
    this.metrics = metrics;
    this.usedHeap = URI.create(metrics + "&name=memory.usedHeap");
    timer.scheduleAtFixedRate(() -> read(usedHeap, USED_HEAP).ifPresent(samples::add), 0, 100,
        TimeUnit.MILLISECONDS);
  }

  /** Forgets the samples so far and starts a new series. */
  void restart() {
    samples.clear();
  }

  List<Double> samples() {
    return List.copyOf(samples);
  }

  /** The value of one metric (summed over its labels, e.g. every collector's gc_total), if the server has it. */
  OptionalDouble read(String metric) {
    return read(metrics, metric);
  }

  private OptionalDouble read(URI from, String metric) {
    try {
      var response = http.send(HttpRequest.newBuilder(from).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofLines());
      return response.body()
          .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .reduce(Double::sum);
    } catch (java.io.IOException | RuntimeException e) {
      return OptionalDouble.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalDouble.empty();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
