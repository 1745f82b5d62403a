package io.stocksync.catalog.imports;

import io.stocksync.platform.jobs.BatchIdentity;
import io.stocksync.platform.request.RequestId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Ties each execution of product-import to its import row. The first execution names the import (job parameter
 * importId); a restart through /ibm/api/batch brings no parameters and finds it by job instance. The import's
 * status follows the execution's: RUNNING, then COMPLETED, FAILED or STOPPED.
 */
@Named
@Dependent
public class ImportLifecycle extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(ImportLifecycle.class.getName());

  @Inject
  JobContext job;

  @Inject
  @BatchProperty
  String importId;

  @Inject
  ImportStore store;

  @Inject
  BatchIdentity identity;

  @Override
  public void beforeJob() {
    var named = Optional.ofNullable(importId).filter(id -> !id.isBlank()).map(UUID::fromString);
    var ref = store.started(named, job.getInstanceId()).orElseThrow(() -> new IllegalStateException(
        "no product import for job instance " + job.getInstanceId() + (named.isPresent() ? " or id " + importId : "")));
    job.setTransientUserData(ref);
    RequestId.bindUntilCleared(ref.requestId(), ref.tenantId());
  }

  @Override
  public void afterJob() {
    try {
      if (job.getTransientUserData() instanceof ImportRef ref) {
        var status = stepStatus();
        String error = status == BatchStatus.COMPLETED ? null
            : "execution " + job.getExecutionId() + " ended " + status + ": see its job log in /ibm/api/batch";
        store.ended(ref.importId(), status == BatchStatus.COMPLETED ? "COMPLETED"
            : status == BatchStatus.STOPPED ? "STOPPED" : "FAILED", error);
        LOG.info(() -> "product import " + ref.importId() + " execution " + job.getExecutionId() + " ended " + status);
      }
    } finally {
      RequestId.clear();
    }
  }

  private BatchStatus stepStatus() {
    try {
      var status = identity.firstStepStatus(job.getExecutionId());
      return status == null ? BatchStatus.FAILED : status;
    } catch (RuntimeException e) {
      return BatchStatus.FAILED;
    }
  }
}
