package io.stocksync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PushSlotsTest {

  private final UUID tenant = UUID.randomUUID();
  private final UUID woo = UUID.randomUUID();
  private final UUID square = UUID.randomUUID();
  private final UUID wix = UUID.randomUUID();
  private final PushSlots slots = new PushSlots();

  @Test
  void aTenantPushesToAtMostItsLimitOfChannelsAndTheRefusedWaitInTheOrderTheyAsked() {
    assertTrue(slots.tryTake(tenant, woo, 1));
    assertFalse(slots.tryTake(tenant, square, 1), "the one slot is taken");
    assertFalse(slots.tryTake(tenant, wix, 1));
    assertFalse(slots.tryTake(tenant, square, 1), "asking again does not queue the channel twice");
    assertTrue(slots.tryTake(UUID.randomUUID(), square, 1), "another tenant has slots of its own");

    assertEquals(Optional.of(square), slots.release(tenant), "the channel that waited longest is woken first");
    assertEquals(0, slots.inUse(tenant));
    assertTrue(slots.tryTake(tenant, square, 1));
    assertEquals(Optional.of(wix), slots.release(tenant));
    assertTrue(slots.tryTake(tenant, wix, 1));
    assertEquals(Optional.empty(), slots.release(tenant), "nobody waits any more");
  }

  @Test
  void aChannelGivenASlotNoLongerWaits() {
    assertTrue(slots.tryTake(tenant, woo, 1));
    assertFalse(slots.tryTake(tenant, square, 1));
    assertEquals(Optional.of(square), slots.release(tenant));
    assertTrue(slots.tryTake(tenant, woo, 1), "woo came back first and took the slot");
    assertFalse(slots.tryTake(tenant, square, 1));
    assertTrue(slots.tryTake(tenant, square, 2), "a raised limit (a tier upgrade) applies at once");
    assertEquals(Optional.empty(), slots.release(tenant), "square got a slot: it no longer waits");
  }

  @Test
  void aTenantThatNeitherPushesNorWaitsIsForgotten() {
    assertTrue(slots.tryTake(tenant, woo, 2));
    assertTrue(slots.tryTake(tenant, square, 2));
    assertEquals(2, slots.inUse(tenant));
    slots.release(tenant);
    slots.release(tenant);
    assertEquals(0, slots.tenantsTracked());
    assertEquals(Optional.empty(), slots.release(tenant), "a release without a slot changes nothing");
    assertEquals(0, slots.inUse(tenant));
  }

  @Test
  void concurrentPushesNeverExceedTheLimit() throws Exception {
    int limit = 3;
    var inside = new AtomicInteger();
    var most = new AtomicInteger();
    var pool = Executors.newFixedThreadPool(16);
    var start = new CountDownLatch(1);
    var channels = new ArrayList<UUID>();
    for (int i = 0; i < 16; i++) {
      channels.add(UUID.randomUUID());
    }
    for (var channel : channels) {
      pool.execute(() -> {
        try {
          start.await();
          for (int i = 0; i < 2_000; i++) {
            if (slots.tryTake(tenant, channel, limit)) {
              most.accumulateAndGet(inside.incrementAndGet(), Math::max);
              inside.decrementAndGet();
              slots.release(tenant);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertTrue(most.get() <= limit, "at most " + limit + " at once, saw " + most.get());
    assertEquals(0, slots.inUse(tenant), "every slot taken was given back");
  }
}
