package io.stocksync.guardian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

  private static final UUID RUN = UUID.randomUUID();

  private static MappingRow row(String externalId, long expected, Long previous, UUID previousRun) {
    return new MappingRow(UUID.randomUUID(), UUID.randomUUID(), externalId, null, expected, previous, previousRun);
  }

  @Test
  void verdictsAreTakenAgainAgainstTheCurrentOnHandAndSyncPendingMappingsAreLeftToSync() {
    var movedMeanwhile = row("a", 10, null, null); // channel 12; an order took on-hand to 12 meanwhile
    var syncPending = row("b", 10, null, null);
    var alert = row("c", 10, null, null);
    var inSync = row("d", 10, 10L, UUID.randomUUID()); // had an observation: forgotten now
    var page = new MappingPage(List.of(movedMeanwhile, syncPending, alert, inSync));
    var checked = new CheckedPage(DriftChecks.of(page, Map.of("a", 12L, "b", 13L, "c", 30L, "d", 10L), RUN, 5), 0,
        null);
    var now = Map.of(movedMeanwhile.mappingId(), new CurrentLevels.Current(12, false),
        syncPending.mappingId(), new CurrentLevels.Current(10, true),
        alert.mappingId(), new CurrentLevels.Current(10, false));

    var plan = ChunkPlan.of(List.of(checked), now, RUN, 5);
    assertEquals(List.of(alert.mappingId()), plan.alert().stream().map(c -> c.mapping().mappingId()).toList());
    assertEquals(0, plan.repair().size());
    assertEquals(List.of(movedMeanwhile.mappingId(), inSync.mappingId()), plan.inSyncIds());
    assertEquals(List.of(inSync.mappingId()), plan.settledObservations());
    assertEquals(new Tally(4, 2, 0, 1, 1, 0), plan.tally());
  }

  @Test
  void anObservationMadeByThisSameRunIsNotASecondRead() {
    var row = row("a", 10, 7L, RUN);
    var page = new MappingPage(List.of(row));
    var checks = DriftChecks.of(page, Map.of("a", 7L), RUN, 5);
    assertEquals(Verdict.AWAIT_SECOND_READ, checks.get(0).verdict());
  }
}
