package io.stocksync.channel.eposnow;

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
 * Reads and writes Epos Now stock through the REST API v4 ProductStock endpoints (see {@link EposNowTransport}):
 * a push reads the location's levels and adds or removes the difference; {@link #read} sums a product over every
 * location; {@link #levelsAt} reads one page of one location for the poller.
 *
 * <p>Channel: base URL {@code https://api.eposnowhq.com}; credentials = {@code API key:API secret} of an API device
 * (Back Office, Web Integrations), sent as HTTP Basic (Epos Now's "access token" is exactly that pair in base64).
 * Mapping: externalId = Epos Now product id, externalLocationId = location id (required: stock lives per location).
 *
 * <p>Fault tolerance: 429 (or 503 with Retry-After) throws {@link RateLimitedException} and 401/403
 * {@link CredentialsRejectedException}; neither is retried in-line nor counts against the breaker. Epos Now is one
 * API at one address for every merchant, like Square: when it fails with 5xx or timeouts it fails for everyone, so
 * one circuit breaker per method, shared by all tenants, stops hammering it during an outage (a merchant's own
 * problems, unknown products or refused rows, are item outcomes, not exceptions, and never open it). Tune by MP
 * Config, e.g. {@code io.stocksync.channel.eposnow.EposNowStockWriter/push/Retry/maxRetries},
 * {@code …/push/Timeout/value}, {@code …/push/CircuitBreaker/delay}, {@code …/push/Bulkhead/value} (same under
 * {@code /read/} and {@code /levelsAt/}).
 */
@ApplicationScoped
public class EposNowStockWriter implements StockWriter {

  @Inject
  EposNowTransport transport;

  protected EposNowStockWriter() {}

  public EposNowStockWriter(EposNowTransport transport) {
    this.transport = transport;
  }

  @Override
  public ChannelType type() {
    return ChannelType.EPOSNOW;
  }

  @Override
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 1_000, jitter = 500, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
      failOn = {ChannelCallException.class, TimeoutException.class},
      skipOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    return transport.push(endpoint, pushes);
  }

  @Override
  @Timeout(60_000)
  @Retry(maxRetries = 2, delay = 1_000, jitter = 500, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
      failOn = {ChannelCallException.class, TimeoutException.class},
      skipOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    return transport.read(endpoint, externalIds);
  }

  /** One page (1-based, up to {@link EposNowTransport#PAGE} rows) of the stock at one location: one call. */
  @Timeout(15_000)
  @Retry(maxRetries = 2, delay = 1_000, jitter = 500, retryOn = {ChannelCallException.class, TimeoutException.class},
      abortOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
      failOn = {ChannelCallException.class, TimeoutException.class},
      skipOn = {RateLimitedException.class, CredentialsRejectedException.class})
  @Bulkhead(10)
  public EposNowPage levelsAt(ChannelEndpoint endpoint, String locationId, int page) {
    return transport.levelsAt(endpoint, locationId, page);
  }
}
