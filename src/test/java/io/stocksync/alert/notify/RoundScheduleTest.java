package io.stocksync.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoundScheduleTest {

  private final RoundSchedule schedule = new RoundSchedule(Duration.ofSeconds(30), Duration.ofHours(1), 8);

  @Test
  void theDelayDoublesAfterEachFailedRoundUpToTheCap() {
    assertEquals(Duration.ofSeconds(30), schedule.delayAfter(1));
    assertEquals(Duration.ofMinutes(1), schedule.delayAfter(2));
    assertEquals(Duration.ofMinutes(2), schedule.delayAfter(3));
    assertEquals(Duration.ofMinutes(32), schedule.delayAfter(7));
    assertEquals(Duration.ofHours(1), schedule.delayAfter(8));
    assertEquals(Duration.ofHours(1), schedule.delayAfter(1_000));
  }

  @Test
  void givesUpAfterTheLastRound() {
    assertFalse(schedule.givesUpAfter(7));
    assertTrue(schedule.givesUpAfter(8));
  }
}
