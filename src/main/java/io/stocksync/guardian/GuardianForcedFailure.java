package io.stocksync.guardian;

/**
 * Thrown on purpose when a page holds the mapping named by the failOnExternalId job parameter: a test (or an
 * operator rehearsing a restart) makes a partition fail at a known item. Neither retryable nor skippable.
 */
public class GuardianForcedFailure extends RuntimeException {

  public GuardianForcedFailure(String externalId) {
    super("forced failure at external id " + externalId + " (job parameter failOnExternalId)");
  }
}
