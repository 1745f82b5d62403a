package io.stocksync.guardian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DriftRuleTest {

  @Test
  void equalLevelsAreInSync() {
    assertEquals(Verdict.IN_SYNC, DriftRule.decide(7, 7L, null, 5));
  }

  @Test
  void aChannelShowingMoreIsCorrectedAtOnceWithinTheThresholdAndAlertedBeyondIt() {
    assertEquals(Verdict.REPAIR, DriftRule.decide(10, 15L, null, 5));
    assertEquals(Verdict.ALERT, DriftRule.decide(10, 16L, null, 5));
  }

  @Test
  void aChannelShowingLessIsBelievedOnlyWhenTheNextReadAgrees() {
    assertEquals(Verdict.AWAIT_SECOND_READ, DriftRule.decide(10, 7L, null, 5));
    assertEquals(Verdict.AWAIT_SECOND_READ, DriftRule.decide(10, 7L, 8L, 5));
    assertEquals(Verdict.REPAIR, DriftRule.decide(10, 7L, 7L, 5));
    assertEquals(Verdict.ALERT, DriftRule.decide(10, 0L, 0L, 5));
  }

  @Test
  void anItemTheChannelDoesNotKnowIsNotCompared() {
    assertEquals(Verdict.NOT_ON_CHANNEL, DriftRule.decide(10, null, 3L, 5));
  }

  @Test
  void thresholdZeroAlertsOnAnyDrift() {
    assertEquals(Verdict.ALERT, DriftRule.decide(10, 11L, null, 0));
  }
}
