package io.stocksync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesPerAttemptUpToFiveMinutes() {
    assertEquals(Duration.ofSeconds(2), PendingPushes.backoff(1, null));
    assertEquals(Duration.ofSeconds(16), PendingPushes.backoff(4, null));
    assertEquals(Duration.ofMinutes(5), PendingPushes.backoff(30, null));
  }

  @Test
  void neverCallsBeforeTheVendorsRetryAfterEvenBeyondOurCap() {
    assertEquals(Duration.ofSeconds(30), PendingPushes.backoff(1, Duration.ofSeconds(30)));
    assertEquals(Duration.ofMinutes(10), PendingPushes.backoff(1, Duration.ofMinutes(10)));
    assertEquals(Duration.ofSeconds(16), PendingPushes.backoff(4, Duration.ofSeconds(3)), "ours when longer");
    assertEquals(Duration.ofDays(1), PendingPushes.backoff(1, Duration.ofDays(30)), "nonsense is capped");
  }
}
