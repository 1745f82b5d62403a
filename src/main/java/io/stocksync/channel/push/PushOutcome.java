package io.stocksync.channel.push;

import java.time.Duration;

/**
 * What happened to one {@link LevelPush}.
 *
 * @param status PUSHED (the channel now shows the level), CONFLICT (compare-and-set refused: the channel changed
 *     under us; actual is what it shows), FAILED (not written)
 * @param actual the channel's level when it told us (CONFLICT), else null
 * @param httpStatus the vendor's HTTP status, if any
 * @param error a short reason for FAILED/CONFLICT (no secrets)
 * @param retryAfter for FAILED: when the vendor allows the next attempt (429 Retry-After), else null
 */
public record PushOutcome(Status status, Long actual, Integer httpStatus, String error, Duration retryAfter) {

  public enum Status {
    PUSHED, CONFLICT, FAILED
  }

  public static PushOutcome pushed(int httpStatus) {
    return new PushOutcome(Status.PUSHED, null, httpStatus, null, null);
  }
}
