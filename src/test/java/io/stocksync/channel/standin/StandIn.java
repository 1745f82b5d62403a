package io.stocksync.channel.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A vendor's API on a free local port: keeps the vendor's levels in state (writes change what reads return) and
 * lets a test misbehave it. Requests are answered one at a time, so a vendor's compare-and-set is atomic here too.
 * Subclasses speak the vendor's real paths, auth and JSON.
 */
public abstract class StandIn implements AutoCloseable {

  // Jetty logs every start and stop at INFO; a strong reference keeps the quieter level from being collected.
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

  protected final Map<String, Long> levels = new WatchedLevels();
  private volatile BiConsumer<String, Long> onLevel;
  private final AtomicInteger writeCalls = new AtomicInteger();
  private final AtomicInteger readCalls = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private volatile Double retryAfterSeconds;
  private volatile Duration slowness = Duration.ZERO;
  private volatile Duration writeHold = Duration.ZERO;
  private final AtomicInteger writesInFlight = new AtomicInteger();
  private final AtomicInteger mostWritesInFlight = new AtomicInteger();
  private final WireMockServer server;

  protected StandIn() {
    JETTY.setLevel(Level.WARNING);
    // No request journal: the stand-ins count calls themselves, and trimming even a bounded journal was a sixth of
    // the stand-ins' CPU in the pipeline benchmark (docs/benchmarks.md, 2026-11-24).
    server = new WireMockServer(options().dynamicPort().jettyAcceptors(1).disableRequestJournal()
        .extensions(new Vendor()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse()));
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** The level the vendor shows now, or null for an item it does not know. */
  public Long level(String externalId) {
    return levels.get(key(externalId));
  }

  /** Creates the item or changes its level behind our back (a sale on the channel we have not seen). */
  public void setLevel(String externalId, long level) {
    levels.put(key(externalId), level);
  }

  /**
   * Calls {@code listener} with the item's key (as {@link #key} names it) and the level each time a level is
   * stored, writes and {@link #setLevel} alike, on the request's thread (benchmarks timestamp writes with it).
   */
  public void onLevel(BiConsumer<String, Long> listener) {
    onLevel = listener;
  }

  /** The next {@code times} calls answer the vendor's rate-limit response; null seconds = no Retry-After header. */
  public void answerRateLimited(int times, Double retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    rateLimited.set(times);
  }

  public void answerServerErrors(int times) {
    serverErrors.set(times);
  }

  public void answerSlowly(Duration delay) {
    slowness = delay;
  }

  /**
   * Holds every write this long before answering, counting how many are held at once ({@link
   * #mostConcurrentWrites}): a vendor whose writes are slow, to see how many calls reach it in parallel.
   */
  public void holdWrites(Duration hold) {
    writeHold = hold;
  }

  /** The most writes held at the same time since the last {@link #reset}. */
  public int mostConcurrentWrites() {
    return mostWritesInFlight.get();
  }

  /** Write calls received (after authentication), to prove how many calls a burst of changes cost. */
  public int writeCalls() {
    return writeCalls.get();
  }

  /** Read calls received (after authentication), to prove a bulk reader calls once per page, not per item. */
  public int readCalls() {
    return readCalls.get();
  }

  public void reset() {
    levels.clear();
    writeCalls.set(0);
    readCalls.set(0);
    rateLimited.set(0);
    serverErrors.set(0);
    slowness = Duration.ZERO;
    writeHold = Duration.ZERO;
    mostWritesInFlight.set(0);
  }

  @Override
  public void close() {
    server.stop();
  }

  /** How the vendor names an item in its state (Shopify's gids, say). */
  protected String key(String externalId) {
    return externalId;
  }

  protected abstract boolean authorized(Request request);

  protected abstract ResponseDefinition unauthorized();

  protected abstract boolean isWrite(Request request);

  protected abstract ResponseDefinition rateLimited(String retryAfter);

  protected abstract ResponseDefinition serverError();

  protected abstract ResponseDefinition handle(Request request);

  protected static ResponseDefinition json(int status, Object body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body.toString()).build();
  }

  protected static JsonStructure parse(Request request) {
    try (var reader = JsonP.createReader(new StringReader(request.getBodyAsString()))) {
      return reader.read();
    }
  }

  protected static String path(Request request) {
    var url = request.getUrl();
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private synchronized ResponseDefinition respond(Request request) {
    if (!authorized(request)) {
      return unauthorized();
    }
    if (isWrite(request)) {
      writeCalls.incrementAndGet();
    } else {
      readCalls.incrementAndGet();
    }
    if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      var seconds = retryAfterSeconds;
      return rateLimited(seconds == null ? null : seconds == Math.rint(seconds)
          ? Long.toString(seconds.longValue()) : seconds.toString());
    }
    if (serverErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return serverError();
    }
    return handle(request);
  }

  /** The levels map, telling {@link #onLevel}'s listener of every level stored. */
  private final class WatchedLevels extends ConcurrentHashMap<String, Long> {

    @Override
    public Long put(String key, Long value) {
      Long before = super.put(key, value);
      var listener = onLevel;
      if (listener != null) {
        listener.accept(key, value);
      }
      return before;
    }

    @Override
    public void putAll(Map<? extends String, ? extends Long> all) {
      all.forEach(this::put);
    }
  }

  private final class Vendor implements ResponseDefinitionTransformerV2 {

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      var answer = respond(serveEvent.getRequest());
      if (!writeHold.isZero() && isWrite(serveEvent.getRequest())) {
        hold();
      }
      long delay = slowness.toMillis();
      return delay == 0 ? answer : ResponseDefinitionBuilder.like(answer).withFixedDelay((int) delay).build();
    }

    /** Outside {@link #respond}'s lock, so that held writes overlap as they would at the vendor. */
    private void hold() {
      mostWritesInFlight.accumulateAndGet(writesInFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(writeHold.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        writesInFlight.decrementAndGet();
      }
    }

    @Override
    public String getName() {
      return "vendor-" + StandIn.this.getClass().getSimpleName();
    }
  }
}
