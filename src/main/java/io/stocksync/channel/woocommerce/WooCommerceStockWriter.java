package io.stocksync.channel.woocommerce;

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
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Writes WooCommerce levels with {@code POST /wp-json/wc/v3/products/batch}, up to 100
 * {@code {id, manage_stock: true, stock_quantity}} updates a call; an item WooCommerce refuses comes back FAILED.
 *
 * <p>Channel: base URL = the shop's site URL (https); credentials = {@code consumer_key:consumer_secret} of a
 * read/write REST API key, sent as HTTP Basic auth. Mapping: externalId = product id (simple products; variations
 * live under {@code products/{parent}/variations} and are not written here yet).
 *
 * <p>WooCommerce documents no rate limit, but hosts and security plugins answer 429/503 with Retry-After: that throws
 * {@link RateLimitedException}, which {@code @Retry} does not retry in-line; the caller parks the work until
 * {@link ChannelCallException#retryAfter()}. 401/403 throw {@link CredentialsRejectedException}, not retried.
 * No circuit breaker: every shop is its own server, and a breaker is shared by all calls of this method, so one
 * tenant's dead site would stop every tenant's pushes. Tune by MP Config, e.g.
 * {@code io.stocksync.channel.woocommerce.WooCommerceStockWriter/push/Retry/maxRetries},
 * {@code …/push/Timeout/value}, {@code …/push/Bulkhead/value} (same under {@code /read/}), and the HTTP timeout of
 * one batch call with {@code stocksync.channel.woocommerce.request-timeout}.
 */
@ApplicationScoped
public class WooCommerceStockWriter implements StockWriter {

  @Inject
  WooCommerceTransport transport;

  protected WooCommerceStockWriter() {}

  public WooCommerceStockWriter(WooCommerceTransport transport) {
    this.transport = transport;
  }

  @Override
  public ChannelType type() {
    return ChannelType.WOOCOMMERCE;
  }

  @Override
  @Timeout(45_000)
  @Retry(maxRetries = 2, delay = 1_000, jitter = 500, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    return transport.push(endpoint, pushes);
  }

  @Override
  @Timeout(45_000)
  @Retry(maxRetries = 2, delay = 1_000, jitter = 500, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    return transport.read(endpoint, externalIds);
  }
}
