package io.stocksync.tenant;

import io.stocksync.platform.schedule.Periodic;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges DELETING tenants in the background: table by table (children first), each batch its own transaction,
 * then the DELETED tombstone once nothing is left. Resumable without a checkpoint because the rows themselves
 * are the progress: a repeated DELETE, or the sweep every minute (after a crash, or on another server), runs the
 * same passes again and they start where the data says. Two servers purging the same tenant only repeat
 * harmless deletes; the tombstone is set under the tenant's row lock.
 */
@ApplicationScoped
public class TenantDeletion {

  private static final Logger LOG = Logger.getLogger(TenantDeletion.class.getName());
  private static final long SWEEP_SECONDS = 60;
  /** Rows written while a pass ran (a webhook cached for a few seconds, an in-flight push) need another pass. */
  private static final int MAX_PASSES = 3;

  /** What a purge removed, recorded in the audit trail with the tombstone. */
  public record Summary(Map<String, Long> removed, int batches, int batchSize, int passes, long millis) {}

  @Resource
  ManagedExecutorService executor;

  @Inject
  TenantPurge purge;

  @Inject
  TenantService service;

  @Inject
  TenantRepository tenants;

  @Inject
  Periodic periodic;

  @Inject
  @ConfigProperty(name = "stocksync.tenant.purge.batch-size", defaultValue = "2000")
  int batchSize;

  private final Set<UUID> running = ConcurrentHashMap.newKeySet();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(SWEEP_SECONDS, this::sweep);
  }

  /** Purges the tenant in the background, unless this server is doing so already. */
  public void continueAsync(UUID tenantId, String actor, String requestId) {
    if (!running.add(tenantId)) {
      return;
    }
    try {
      executor.execute(() -> {
        try {
          run(tenantId, actor, requestId);
        } finally {
          running.remove(tenantId);
        }
      });
    } catch (RuntimeException e) {
      running.remove(tenantId);
      throw e;
    }
  }

  private void sweep() {
    try {
      tenants.deleting().forEach(id -> continueAsync(id, "system", null));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "tenant deletion sweep skipped: " + e.getMessage());
    }
  }

  private void run(UUID tenantId, String actor, String requestId) {
    long t0 = System.nanoTime();
    var removed = new LinkedHashMap<String, Long>();
    int batches = 0;
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
      try {
        for (String table : TenantPurge.TABLES) {
          for (int n = batchSize; n == batchSize; ) {
            n = purge.deleteBatch(table, tenantId, batchSize);
            removed.merge(table, (long) n, Long::sum);
            batches += n > 0 ? 1 : 0;
          }
        }
        var summary = new Summary(removed, batches, batchSize, pass, (System.nanoTime() - t0) / 1_000_000);
        if (service.finishDeletion(tenantId, summary, actor, requestId)) {
          LOG.info(() -> "tenant " + tenantId + " deleted: " + summary);
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "purge pass " + pass + " of tenant " + tenantId + " failed", e);
      }
    }
    LOG.warning(() -> "tenant " + tenantId + " still has rows after " + MAX_PASSES
        + " passes; it stays DELETING and the next DELETE or sweep continues");
  }
}
