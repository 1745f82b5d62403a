package io.stocksync.guardian;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts claimed runs, at most max-concurrent-runs at once on this server; the others wait here in claim order
 * (still CLAIMED in the database). Why a limit: a partitioned job holds one thread of Liberty's default executor
 * while its partitions wait for more threads of the same executor, which also serves HTTP and the MDBs; a thousand
 * jobs started at once fill it with waiting parents, and everything stalls until the executor's tuning adds
 * threads (measured: 100 runs started through the API took 63 s just to be accepted).
 */
@ApplicationScoped
public class RunDispatcher {

  private static final Logger LOG = Logger.getLogger(RunDispatcher.class.getName());

  private record Claimed(UUID runId, UUID tenantId) {}

  @Inject
  GuardianLauncher launcher;

  @Inject
  GuardianRuns runs;

  @Inject
  @ConfigProperty(name = "stocksync.guardian.max-concurrent-runs", defaultValue = "8")
  int maxConcurrent;

  @Resource
  ManagedExecutorService executor;

  private final Queue<Claimed> waiting = new ConcurrentLinkedQueue<>();
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();

  /** Starts the claimed run now if a place is free, else when one frees up. */
  public void submit(UUID runId, UUID tenantId) {
    waiting.add(new Claimed(runId, tenantId));
    drain();
  }

  /** A run's execution ended: its place goes to the next waiting run (started off the ending job's thread). */
  public void ended(UUID runId) {
    if (running.remove(runId)) {
      executor.execute(this::drain);
    }
  }

  /** Forgets places held by runs that ended without telling (a job that failed before its listener ran). */
  public void forgetEnded() {
    if (!running.isEmpty() && running.removeAll(runs.notActive(Set.copyOf(running)))) {
      drain();
    }
  }

  public int waiting() {
    return waiting.size();
  }

  /**
   * Takes places while there are some and runs wait. Only taking a place is serialised; the starts themselves run
   * in parallel on the callers' threads, because a start is slow: Liberty parses the job XML (a new JAXBContext)
   * and writes the job repository's rows for every start.
   */
  private void drain() {
    Claimed next;
    while ((next = take()) != null) {
      if (!runs.isClaimed(next.runId())) {
        running.remove(next.runId()); // expired as LOST while it waited
        continue;
      }
      try {
        launcher.start(next.runId(), next.tenantId());
      } catch (RuntimeException e) {
        running.remove(next.runId());
        LOG.log(Level.WARNING, "Guardian run " + next.runId() + " of tenant " + next.tenantId()
            + " could not start", e);
      }
    }
  }

  private synchronized Claimed take() {
    if (running.size() >= maxConcurrent) {
      return null;
    }
    var next = waiting.poll();
    if (next != null) {
      running.add(next.runId());
    }
    return next;
  }
}
