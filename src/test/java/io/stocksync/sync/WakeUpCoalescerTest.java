package io.stocksync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WakeUpCoalescerTest {

  private static final long HOLD = WakeUpCoalescer.HOLD.toNanos();
  private final UUID tenant = UUID.randomUUID();
  private final UUID woo = UUID.randomUUID();
  private final UUID square = UUID.randomUUID();
  private final WakeUpCoalescer coalescer = new WakeUpCoalescer();

  @Test
  void aWaitingWakeUpCoversTheChannelsLaterChangesUntilSyncTakesIt() {
    assertTrue(coalescer.shouldSend(tenant, woo, 0));
    assertFalse(coalescer.shouldSend(tenant, woo, 1_000), "one is waiting: it will read this change's flag too");
    assertFalse(coalescer.shouldSend(tenant, woo, 2_000));
    assertTrue(coalescer.shouldSend(tenant, square, 2_000), "another channel has its own");
    assertTrue(coalescer.shouldSend(UUID.randomUUID(), woo, 2_000), "another tenant has its own");

    coalescer.taken(tenant, woo);
    assertTrue(coalescer.shouldSend(tenant, woo, 3_000), "taken: Sync may have read the flags before this change");
  }

  @Test
  void heldBackWakeUpsAreSentAfterTheHoldWhenTheWaitingOneIsNotTakenHere() {
    assertTrue(coalescer.shouldSend(tenant, woo, 0));
    assertFalse(coalescer.shouldSend(tenant, woo, 10));
    assertEquals(List.of(), coalescer.due(HOLD - 1), "within the hold the waiting one still covers it");

    assertEquals(List.of(new WakeUpCoalescer.Key(tenant, woo)), coalescer.due(HOLD),
        "another server took it (or the broker lost it): the held-back change gets its wake-up");
    assertEquals(List.of(), coalescer.due(HOLD + 1), "sent once");
    assertFalse(coalescer.shouldSend(tenant, woo, HOLD + 2), "the one just sent is waiting now");
  }

  @Test
  void aWaitingWakeUpThatHeldNothingBackIsForgottenAfterTheHold() {
    assertTrue(coalescer.shouldSend(tenant, woo, 0));
    assertEquals(List.of(), coalescer.due(HOLD), "nothing was held back: nothing to send");
    assertTrue(coalescer.shouldSend(tenant, woo, HOLD + 1));
  }

  @Test
  void aWakeUpOlderThanTheHoldNoLongerHoldsBackANewOne() {
    assertTrue(coalescer.shouldSend(tenant, woo, 0));
    assertTrue(coalescer.shouldSend(tenant, woo, HOLD), "it may have been taken elsewhere or lost");
  }
}
