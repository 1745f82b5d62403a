package io.stocksync.guardian;

import io.stocksync.platform.schedule.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts each active tenant's reconciliation when its slot falls due (ReconcileSlot). Every server ticks; the first
 * to insert the (tenant, slot) row starts the run and the others' inserts conflict, so exactly one server starts
 * each run, and if that server dies the next slot is claimed by a live one. No lock is held between ticks.
 */
@ApplicationScoped
public class GuardianScheduler {

  private static final Logger LOG = Logger.getLogger(GuardianScheduler.class.getName());

  @Inject
  Periodic periodic;

  @Inject
  DueTenants tenants;

  @Inject
  GuardianRuns runs;

  @Inject
  RunDispatcher dispatcher;

  @Inject
  SilentlyEndedRuns silentlyEnded;

  @Inject
  @ConfigProperty(name = "stocksync.guardian.tick-seconds", defaultValue = "30")
  long tickSeconds;

  /** Competing schedulers in this server (more than 1 only to rehearse several servers in one, as the tests do). */
  @Inject
  @ConfigProperty(name = "stocksync.guardian.schedulers", defaultValue = "1")
  int schedulers;

  @Inject
  @ConfigProperty(name = "stocksync.guardian.run-lease-seconds", defaultValue = "1800")
  int runLeaseSeconds;

  /** A claimed run may wait this long in its server's dispatcher queue before it counts as lost. */
  @Inject
  @ConfigProperty(name = "stocksync.guardian.claim-lease-seconds", defaultValue = "900")
  int claimLeaseSeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (int i = 0; i < schedulers; i++) {
      periodic.every(tickSeconds, this::tick);
    }
  }

  void tick() {
    try {
      silentlyEnded.end();
      int lost = runs.expireLost(claimLeaseSeconds, runLeaseSeconds);
      if (lost > 0) {
        LOG.warning(lost + " Guardian run(s) lost their server; their tenants are scheduled again");
      }
      Instant now = Instant.now();
      for (var t : tenants.active()) {
        var slot = ReconcileSlot.current(t.tenantId(), t.intervalMinutes(), now);
        if (ReconcileSlot.due(slot, t.createdAt(), t.intervalMinutes())
            && (t.lastSlot() == null || t.lastSlot().isBefore(slot))) {
          runs.claimSlot(t.tenantId(), slot).ifPresent(run -> dispatcher.submit(run, t.tenantId()));
        }
      }
      dispatcher.forgetEnded();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Guardian schedule tick failed; the next tick tries again", e);
    }
  }
}
