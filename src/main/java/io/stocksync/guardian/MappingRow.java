package io.stocksync.guardian;

import java.util.UUID;

/**
 * One mapping as the reader pages it: the product's on-hand and the channel's buffer (so the expected level is
 * computed from the same snapshot), and the previous observation if the channel was below expected last time.
 */
public record MappingRow(UUID mappingId, UUID productId, String externalId, String externalLocationId, long expected,
    Long previousObservation, UUID previousObservationRun) implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The previous observation counts only if an earlier run made it (a re-read chunk is not a second read). */
  Long previousFromAnotherRun(UUID runId) {
    return previousObservationRun == null || previousObservationRun.equals(runId) ? null : previousObservation;
  }
}
