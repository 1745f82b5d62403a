package io.stocksync.channel.deliveroo;

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
 * Writes Deliveroo availability: level 0 makes the item "unavailable" (sold out, greyed out), any other level
 * "available". Deliveroo keeps no count, so {@link #read} has nothing to answer.
 *
 * <p>Channel: base URL {@code https://api.developers.deliveroo.com} (sandbox:
 * {@code https://api-sandbox.developers.deliveroo.com}, with {@code stocksync.channel.deliveroo.token-url} pointed
 * at the sandbox auth host); credentials = {@code brand_id:client_id:client_secret}, exchanged for a 5-minute OAuth
 * access token (client credentials) sent as {@code Authorization: Bearer}. Mapping: externalId = menu item id,
 * externalLocationId = site id (required).
 *
 * <p>Rate limits: 429 throws {@link RateLimitedException}, which {@code @Retry} does not retry in-line: the caller
 * parks the work until {@link ChannelCallException#retryAfter()}. 401/403 (after one token renewal) and a refused
 * token request throw {@link CredentialsRejectedException}, not retried. Neither counts against the circuit breaker.
 * Tune by MP Config, e.g. {@code io.stocksync.channel.deliveroo.DeliverooStockWriter/push/Retry/maxRetries},
 * {@code …/push/Timeout/value}, {@code …/push/CircuitBreaker/delay}, {@code …/push/Bulkhead/value}.
 */
@ApplicationScoped
public class DeliverooStockWriter implements StockWriter {

  @Inject
  DeliverooTransport transport;

  protected DeliverooStockWriter() {}

  public DeliverooStockWriter(DeliverooTransport transport) {
    this.transport = transport;
  }

  @Override
  public ChannelType type() {
    return ChannelType.DELIVEROO;
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

  /** Always empty: Deliveroo has availability, not levels, so there is nothing to reconcile against. */
  @Override
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    return Map.of();
  }
}
