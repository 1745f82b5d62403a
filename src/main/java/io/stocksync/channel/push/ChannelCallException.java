package io.stocksync.channel.push;

import java.time.Duration;

/** A call to a channel's API that failed as a whole: unreachable, timed out, 5xx, or rate-limited (429). */
public class ChannelCallException extends RuntimeException {

  private final Integer httpStatus;
  private final Duration retryAfter;

  public ChannelCallException(String message, Integer httpStatus, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public Integer httpStatus() {
    return httpStatus;
  }

  /** When the vendor allows the next call (429 or 503 with Retry-After), else null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean isRateLimited() {
    return httpStatus != null && httpStatus == 429;
  }

  /** 401/403: our credentials were refused; retrying will not help. */
  public boolean isCredentialsRejected() {
    return httpStatus != null && (httpStatus == 401 || httpStatus == 403);
  }
}
