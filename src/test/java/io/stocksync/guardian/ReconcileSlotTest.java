package io.stocksync.guardian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReconcileSlotTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:07:31Z");

  @Test
  void theSlotIsTheLatestIntervalStartAtTheTenantsOffset() {
    UUID tenant = UUID.randomUUID();
    Instant slot = ReconcileSlot.current(tenant, 15, NOW);
    assertFalse(slot.isAfter(NOW));
    assertTrue(Duration.between(slot, NOW).compareTo(Duration.ofMinutes(15)) < 0);
    assertEquals(ReconcileSlot.offsetSeconds(tenant, 15), Math.floorMod(slot.getEpochSecond(), 900));
    assertEquals(slot, ReconcileSlot.current(tenant, 15, slot), "a slot starts at its own start");
    assertEquals(slot.plusSeconds(900), ReconcileSlot.current(tenant, 15, slot.plusSeconds(900)));
  }

  @Test
  void tenantsSpreadAcrossTheInterval() {
    var minutes = new HashSet<Long>();
    for (int i = 0; i < 1_000; i++) {
      minutes.add(ReconcileSlot.offsetSeconds(UUID.randomUUID(), 15) / 60);
    }
    assertEquals(15, minutes.size(), "a thousand tenants use every minute of the 15");
  }

  @Test
  void aNewTenantWaitsOneIntervalBeforeItsFirstRun() {
    Instant created = NOW.minusSeconds(300);
    assertFalse(ReconcileSlot.due(NOW, created, 15));
    assertTrue(ReconcileSlot.due(created.plusSeconds(900), created, 15));
  }
}
