package io.stocksync.watcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookAllowanceTest {

  @Test
  void aBatchWithinTheMinutesAllowanceIsTakenWhole() {
    var grant = WebhookAllowance.grant(0, 100, 600);
    assertEquals(100, grant.granted());
    assertFalse(grant.crossedLimit());
  }

  @Test
  void theBatchThatReachesTheLimitIsCutThereAndSaysSoOnce() {
    var crossing = WebhookAllowance.grant(550, 100, 600);
    assertEquals(50, crossing.granted());
    assertTrue(crossing.crossedLimit());
    var exactlyUsedUp = WebhookAllowance.grant(600, 20, 600);
    assertEquals(0, exactlyUsedUp.granted());
    assertTrue(exactlyUsedUp.crossedLimit(), "the previous batch used the allowance exactly: this one defers first");
    var later = WebhookAllowance.grant(650, 20, 600);
    assertEquals(0, later.granted());
    assertFalse(later.crossedLimit(), "already over: no second notice in the same minute");
  }

  @Test
  void aBatchThatFitsExactlyIsNotDeferred() {
    var grant = WebhookAllowance.grant(500, 100, 600);
    assertEquals(100, grant.granted());
    assertFalse(grant.crossedLimit());
  }
}
