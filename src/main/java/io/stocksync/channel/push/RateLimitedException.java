package io.stocksync.channel.push;

import java.time.Duration;

/**
 * The vendor refused the call for now (429, a 503 with Retry-After, or Shopify's THROTTLED answer inside a 200).
 * The gateways' {@code @Retry} aborts on it rather than retrying in-line after a fixed delay that would ignore
 * {@link #retryAfter()}: the caller parks the work until then.
 */
public class RateLimitedException extends ChannelCallException {

  public RateLimitedException(String message, Integer httpStatus, Duration retryAfter) {
    super(message, httpStatus, retryAfter, null);
  }

  @Override
  public boolean isRateLimited() {
    return true;
  }
}
