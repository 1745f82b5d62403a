package io.stocksync.guardian.history;

/**
 * What Liberty's batch REST admin answers for each job instance it was asked to purge. An instance it does not know
 * is left out of its answer; so is one beyond the answer's page size, so an instance left out counts as GONE only
 * once the job repository confirms it.
 */
enum PurgeStatus {
  /** Rows and job logs deleted. */
  COMPLETED,
  /** Not deleted; usually job log files that could not all be deleted (the rows are then kept too). */
  FAILED,
  /** An execution of it is still running. */
  STILL_ACTIVE,
  /** Only its job logs were deleted. */
  JOBLOGS_ONLY,
  /** It ran on another server, whose own purge deletes it with its job logs. */
  NOT_LOCAL,
  /** Left out of the answer, yet still in the job repository (the answer is paged): tried again later. */
  NOT_ANSWERED,
  /** Not in the job repository (purged before, by this task or by ops). */
  GONE;

  static PurgeStatus of(String value) {
    try {
      return valueOf(value);
    } catch (IllegalArgumentException e) {
      return FAILED;
    }
  }

  /** Whether the job repository no longer holds the instance. */
  boolean purged() {
    return this == COMPLETED || this == GONE;
  }
}
