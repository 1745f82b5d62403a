package io.stocksync.channel.shopify;

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
 * Writes Shopify levels with {@code inventorySetQuantities} (Admin GraphQL {@value ShopifyTransport#API_VERSION}),
 * comparing against {@link LevelPush#expectedCurrent()} so a write never overwrites a sale we have not seen: such an
 * item comes back CONFLICT with the level Shopify shows.
 *
 * <p>Channel: base URL {@code https://{shop}.myshopify.com}; credentials = the Admin API access token
 * ({@code shpat_…}, scopes write_inventory + read_inventory), sent as {@code X-Shopify-Access-Token}. Mapping:
 * externalId = inventory item id, externalLocationId = location id (bare number or gid).
 *
 * <p>Rate limits: a 429 (Retry-After) or a THROTTLED answer throws {@link RateLimitedException}, which {@code @Retry}
 * does not retry in-line: the caller parks the work until {@link ChannelCallException#retryAfter()}. 401/403 and a
 * missing scope throw {@link CredentialsRejectedException}, also not retried. Neither counts against the circuit
 * breaker, so one shop's quota or token cannot open it for every shop. Tune by MP Config, e.g.
 * {@code io.stocksync.channel.shopify.ShopifyStockWriter/push/Retry/maxRetries}, {@code …/push/Timeout/value},
 * {@code …/push/CircuitBreaker/delay}, {@code …/push/Bulkhead/value} (same under {@code /read/}).
 */
@ApplicationScoped
public class ShopifyStockWriter implements StockWriter {

  @Inject
  ShopifyTransport transport;

  protected ShopifyStockWriter() {}

  public ShopifyStockWriter(ShopifyTransport transport) {
    this.transport = transport;
  }

  @Override
  public ChannelType type() {
    return ChannelType.SHOPIFY;
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
