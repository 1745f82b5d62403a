package io.stocksync.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate whatever happened to the ones before, and
 * its latency is measured from that intended time, not from when it actually left. A server (or client) stall
 * therefore shows as the latency the delayed requests really saw instead of vanishing from the record
 * (coordinated omission). Requests go out asynchronously over {@link HttpClient} (HTTP/1.1; it opens as many
 * connections as are in flight), so a slow answer never holds back the next send.
 */
final class OpenLoop {

  /** What to send in slot {@code i}: the request and the histogram (microseconds) its accept latency goes to. */
  interface Source {
    Shot shot(long i, long intendedNanos);
  }

  record Shot(HttpRequest request, Histogram accepted) {}

  /** Answers counted by status (-1 = no answer: connection error or timeout). */
  record Result(long sent, long ok, Map<Integer, Long> statuses, double seconds, double achievedPerSecond,
      double maxSendLagMillis) {

    long failed() {
      return sent - ok;
    }
  }

  private final HttpClient http;

  private OpenLoop(HttpClient http) {
    this.http = http;
  }

  /**
   * Sends {@code count} requests at {@code rate} per second over a new client, as {@link #run(double, long,
   * Source, long)}. A new client per run: Liberty closes keep-alive connections idle for 30 s, and the JDK client
   * then fails a POST on a pooled connection it has not yet seen closed ("header parser received no bytes").
   */
  static Result send(double rate, long count, Source source, long answerTimeoutSeconds)
      throws InterruptedException {
    var executor = Executors.newFixedThreadPool(4, r -> {
      var t = new Thread(r, "bench-http");
      t.setDaemon(true);
      return t;
    });
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .executor(executor).build();
    try {
      return new OpenLoop(http).run(rate, count, source, answerTimeoutSeconds);
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Sends {@code count} requests at {@code rate} per second and waits for their answers (at most
   * {@code answerTimeoutSeconds} after the last send). Achieved rate = 200 answers / (last answer - start).
   */
  private Result run(double rate, long count, Source source, long answerTimeoutSeconds) throws InterruptedException {
    var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
    var ok = new AtomicLong();
    var outstanding = new AtomicLong();
    var lastAnswer = new AtomicLong();
    var reported = new AtomicLong();
    double period = 1e9 / rate;
    long maxLag = 0;
    long start = System.nanoTime() + 1_000_000;
    for (long i = 0; i < count; i++) {
      long intended = start + (long) (i * period);
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      maxLag = Math.max(maxLag, -wait);
      var shot = source.shot(i, intended);
      outstanding.incrementAndGet();
      http.sendAsync(shot.request(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        long now = System.nanoTime();
        int status = e != null ? -1 : r.statusCode();
        if (status != 200 && reported.getAndIncrement() < 5) {
          System.out.println("  answer " + status + (e != null ? ": " + e : "") + " (only the first 5 are shown)");
        }
        if (status == 200) {
          shot.accepted().recordValue(Math.max(0, (now - intended) / 1000));
          ok.incrementAndGet();
        }
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        lastAnswer.accumulateAndGet(now, Math::max);
        outstanding.decrementAndGet();
      });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(answerTimeoutSeconds);
    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    double seconds = (Math.max(lastAnswer.get(), start) - start) / 1e9;
    var counted = new TreeMap<Integer, Long>();
    statuses.forEach((s, n) -> counted.put(s, n.get()));
    if (outstanding.get() > 0) {
      counted.merge(-1, outstanding.get(), Long::sum);
    }
    return new Result(count, ok.get(), counted, seconds, seconds > 0 ? ok.get() / seconds : 0, maxLag / 1e6);
  }
}
