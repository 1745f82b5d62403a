package io.stocksync.guardian;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Applies the drift rule to a page of mappings and the levels the channel reported for them. */
final class DriftChecks {

  private DriftChecks() {}

  static List<DriftCheck> of(MappingPage page, Map<String, Long> levels, UUID runId, int threshold) {
    return page.rows().stream().map(r -> {
      Long observed = levels.get(r.externalId());
      return new DriftCheck(r, r.expected(), observed,
          DriftRule.decide(r.expected(), observed, r.previousFromAnotherRun(runId), threshold));
    }).toList();
  }
}
