package io.stocksync.channel.generic;

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
 * Writes levels to any system that speaks our generic stock API ({@code PUT {base}/stock}, documented in this
 * package's package-info), up to 100 items a call.
 *
 * <p>Channel: base URL = the system's API root; credentials = a bearer token, sent as
 * {@code Authorization: Bearer}. Mapping: externalId = the system's item id; externalLocationId is not used.
 *
 * <p>429/503 with Retry-After throw {@link RateLimitedException}, which {@code @Retry} does not retry in-line: the
 * caller parks the work until {@link ChannelCallException#retryAfter()}. 401/403 throw
 * {@link CredentialsRejectedException}, not retried. No circuit breaker: each channel is a different server, and a
 * breaker is shared by all calls of this method, so one dead system would stop every tenant's pushes. Tune by MP
 * Config, e.g. {@code io.stocksync.channel.generic.GenericStockWriter/push/Retry/maxRetries},
 * {@code …/push/Timeout/value}, {@code …/push/Bulkhead/value} (same under {@code /read/}).
 */
@ApplicationScoped
public class GenericStockWriter implements StockWriter {

  @Inject
  GenericTransport transport;

  protected GenericStockWriter() {}

  public GenericStockWriter(GenericTransport transport) {
    this.transport = transport;
  }

  @Override
  public ChannelType type() {
    return ChannelType.GENERIC;
  }

  @Override
  @Timeout(15_000)
  @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    return transport.push(endpoint, pushes);
  }

  @Override
  @Timeout(15_000)
  @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    return transport.read(endpoint, externalIds);
  }
}
