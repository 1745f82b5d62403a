package io.stocksync.guardian;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A chunk's checks sorted by what to do, after each drifting mapping's verdict was taken again against the
 * current on-hand (it may have moved since the page was read). Counts everything except the pushes' outcomes.
 */
record ChunkPlan(List<DriftCheck> repair, List<DriftCheck> alert, List<DriftCheck> await, List<UUID> inSyncIds,
    List<UUID> settledObservations, Tally tally) {

  /** The mappings whose verdict may change with a fresh on-hand: every one that drifted. */
  static List<UUID> drifting(List<Object> pages) {
    return checks(pages).stream().filter(c -> c.verdict() != Verdict.IN_SYNC
        && c.verdict() != Verdict.NOT_ON_CHANNEL).map(c -> c.mapping().mappingId()).toList();
  }

  static ChunkPlan of(List<Object> pages, Map<UUID, CurrentLevels.Current> now, UUID runId, int threshold) {
    var byVerdict = new HashMap<Verdict, List<DriftCheck>>();
    var settled = new ArrayList<UUID>();
    long skipped = 0;
    long checked = 0;
    for (Object o : pages) {
      var page = (CheckedPage) o;
      skipped += page.skipped();
      for (var check : page.checks()) {
        checked++;
        var fresh = refresh(check, now.get(check.mapping().mappingId()), runId, threshold);
        if (fresh == null) {
          skipped++; // Sync is about to push this one (or it vanished): Sync's to settle
          continue;
        }
        byVerdict.computeIfAbsent(fresh.verdict(), v -> new ArrayList<>()).add(fresh);
        if (fresh.verdict() != Verdict.AWAIT_SECOND_READ && check.mapping().previousObservation() != null) {
          settled.add(check.mapping().mappingId());
        }
      }
    }
    var inSync = byVerdict.getOrDefault(Verdict.IN_SYNC, List.of());
    var alert = byVerdict.getOrDefault(Verdict.ALERT, List.of());
    var await = byVerdict.getOrDefault(Verdict.AWAIT_SECOND_READ, List.of());
    skipped += await.size() + byVerdict.getOrDefault(Verdict.NOT_ON_CHANNEL, List.of()).size();
    return new ChunkPlan(byVerdict.getOrDefault(Verdict.REPAIR, List.of()), alert, await,
        inSync.stream().map(c -> c.mapping().mappingId()).toList(), settled,
        new Tally(checked, inSync.size(), 0, alert.size(), skipped, 0));
  }

  private static DriftCheck refresh(DriftCheck check, CurrentLevels.Current now, UUID runId, int threshold) {
    if (check.verdict() == Verdict.IN_SYNC || check.verdict() == Verdict.NOT_ON_CHANNEL) {
      return check;
    }
    if (now == null || now.syncPending()) {
      return null;
    }
    var row = check.mapping();
    return new DriftCheck(row, now.expected(), check.observed(),
        DriftRule.decide(now.expected(), check.observed(), row.previousFromAnotherRun(runId), threshold));
  }

  private static List<DriftCheck> checks(List<Object> pages) {
    return pages.stream().flatMap(p -> ((CheckedPage) p).checks().stream()).toList();
  }
}
