package io.stocksync.catalog.imports;

import io.stocksync.platform.jobs.BatchIdentity;
import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Starts the product-import job for a stored import, as the application's batch identity. */
@ApplicationScoped
public class ImportLauncher {

  static final String JOB = "product-import";

  @Inject
  BatchIdentity identity;

  @Inject
  ImportStore store;

  /** Must run after the import's row is committed: the job may begin before this returns. */
  public long start(UUID importId, UUID tenantId) {
    try {
      return identity.start(JOB, Map.of("importId", importId.toString(), "tenantId", tenantId.toString()));
    } catch (RuntimeException e) {
      store.ended(importId, "FAILED", "the job could not start: " + e.getMessage());
      throw new ProblemException(503, "Service unavailable", "the import could not be started; upload it again");
    }
  }
}
