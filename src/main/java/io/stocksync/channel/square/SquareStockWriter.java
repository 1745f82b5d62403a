package io.stocksync.channel.square;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.CredentialsRejectedException;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.channel.push.RateLimitedException;
import io.stocksync.channel.push.StockWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Writes Square levels as PHYSICAL_COUNT changes (state IN_STOCK) with {@code POST /v2/inventory/changes/batch-create},
 * up to 100 a call. Each request carries an idempotency_key derived from the pushes' own keys (which also go into
 * each count's reference_id), so an in-line retry of a call that did reach Square does not count twice.
 *
 * <p>Channel: base URL {@code https://connect.squareup.com} (sandbox: {@code https://connect.squareupsandbox.com});
 * credentials = an access token (OAuth or personal, scopes INVENTORY_WRITE + INVENTORY_READ), sent as
 * {@code Authorization: Bearer}. Mapping: externalId = item variation id (catalog object id), externalLocationId =
 * location id (required).
 *
 * <p>Rate limits: 429 RATE_LIMITED throws {@link RateLimitedException}, which {@code @Retry} does not retry in-line:
 * the caller parks the work until {@link ChannelCallException#retryAfter()} (1 s when Square sends no Retry-After).
 * 401/403 throw {@link CredentialsRejectedException}, not retried. Neither counts against the circuit breaker. Tune
 * by MP Config, e.g. {@code io.stocksync.channel.square.SquareStockWriter/push/Retry/maxRetries},
 * {@code …/push/Timeout/value}, {@code …/push/CircuitBreaker/delay}, {@code …/push/Bulkhead/value} (same under
 * {@code /read/}).
 */
@ApplicationScoped
public class SquareStockWriter implements StockWriter {

  @Inject
  SquareTransport transport;

  protected SquareStockWriter() {}

  public SquareStockWriter(SquareTransport transport) {
    this.transport = transport;
  }

  @Override
  public ChannelType type() {
    return ChannelType.SQUARE;
  }

  @Override
  @Timeout(15_000)
  @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
      failOn = {ChannelCallException.class, TimeoutException.class},
      skipOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    return transport.push(endpoint, pushes);
  }

  @Override
  @Timeout(15_000)
  @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
      failOn = {ChannelCallException.class, TimeoutException.class},
      skipOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    return transport.read(endpoint, externalIds);
  }
}
