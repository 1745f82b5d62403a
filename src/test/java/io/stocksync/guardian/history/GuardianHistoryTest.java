package io.stocksync.guardian.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stocksync.guardian.history.HistoryStore.ExpiredRun;
import io.stocksync.guardian.history.HistoryStore.OrphanInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardianHistoryTest {

  private static final Instant HORIZON = Instant.parse("2026-10-25T00:00:00Z");
  private static final String ME = "localhost//srv/wlp/usr/one";
  private static final String OTHER = "localhost//srv/wlp/usr/two";

  /** Expired runs, oldest first; job instance i+1 for run i unless the run never started. */
  private final List<ExpiredRun> table = new ArrayList<>();
  private final Map<Long, PurgeStatus> answers = new HashMap<>();
  private final Map<Long, PurgeStatus> storeOnlyAnswers = new HashMap<>();
  private final List<Long> storeOnlyPurged = new ArrayList<>();
  /** Instances sent to Liberty's purge with their job logs. */
  private final List<Long> fullyPurged = new ArrayList<>();
  private final Set<UUID> deleted = new HashSet<>();
  /** Job instances no run names, in id order. */
  private final List<OrphanInstance> orphans = new ArrayList<>();
  /** Instances Liberty's answer leaves out although its job repository still holds them. */
  private final Set<Long> leftOutOfTheAnswer = new HashSet<>();
  private GuardianHistory history;

  @BeforeEach
  void history() {
    history = new GuardianHistory();
    history.maxRuns = 1000;
    history.foreignGraceDays = 7;
    history.thisServer = new ThisBatchServer() {
      @Override
      public String id() {
        return ME;
      }
    };
    // The store's SQL reads only what this server may purge now: its own, and others' past the foreign horizon.
    history.store = new HistoryStore() {
      @Override
      public List<ExpiredRun> page(Instant horizon, Instant foreignHorizon, String thisServer, ExpiredRun after,
          int size) {
        int from = after == null ? 0 : table.indexOf(after) + 1;
        return table.subList(from, table.size()).stream()
            .filter(r -> purgeableHere(r.serverId(), r.endedAt(), foreignHorizon, thisServer)).limit(size).toList();
      }

      @Override
      public List<ExpiredRun> pageOfDeletedTenants(Instant foreignHorizon, String thisServer, ExpiredRun after,
          int size) {
        // the same table: the loop is what is tested
        return page(HORIZON, foreignHorizon, thisServer, after, size);
      }

      @Override
      public List<OrphanInstance> orphanInstances(Instant horizon, Instant foreignHorizon, String thisServer,
          long afterId, int size) {
        return orphans.stream().filter(o -> o.id() > afterId)
            .filter(o -> purgeableHere(o.serverId(), o.updatedAt(), foreignHorizon, thisServer)).limit(size).toList();
      }

      @Override
      public Set<Long> stillInJobRepository(Collection<Long> instanceIds) {
        var still = new HashSet<>(instanceIds);
        still.retainAll(leftOutOfTheAnswer);
        return still;
      }

      @Override
      public int delete(Collection<UUID> runIds, Instant horizon) {
        deleted.addAll(runIds);
        return runIds.size();
      }
    };
    history.purge = new JobInstancePurge() {
      @Override
      public Map<Long, PurgeStatus> purge(Collection<Long> instanceIds, boolean storeOnly) {
        (storeOnly ? storeOnlyPurged : fullyPurged).addAll(instanceIds);
        var statuses = new HashMap<Long, PurgeStatus>();
        instanceIds.forEach(id -> statuses.put(id, leftOutOfTheAnswer.contains(id) ? PurgeStatus.GONE
            : (storeOnly ? storeOnlyAnswers : answers).getOrDefault(id, PurgeStatus.COMPLETED)));
        return statuses;
      }
    };
  }

  private static boolean purgeableHere(String server, Instant due, Instant foreignHorizon, String thisServer) {
    return server == null || server.equals(thisServer) || due.isBefore(foreignHorizon);
  }

  private ExpiredRun run(Long instance) {
    return run(instance, ME);
  }

  private ExpiredRun run(Long instance, String server) {
    return run(instance, server, HORIZON.minusSeconds(1000 - table.size()));
  }

  private ExpiredRun run(Long instance, String server, Instant endedAt) {
    var run = new ExpiredRun(UUID.randomUUID(), instance, endedAt, instance == null ? null : server);
    table.add(run);
    return run;
  }

  @Test
  void deletesTheRunsWhoseJobInstancesAreGoneAndKeepsTheOthers() {
    var purged = run(1L);
    var alreadyGone = run(2L);
    var neverStarted = run(null);
    var running = run(4L);
    var otherServers = run(5L, OTHER);
    answers.put(2L, PurgeStatus.GONE);
    answers.put(4L, PurgeStatus.STILL_ACTIVE);

    assertEquals(new GuardianHistory.Purged(3, 1), history.purgeEndedBefore(HORIZON), "another server's not read");
    assertEquals(Set.of(purged.id(), alreadyGone.id(), neverStarted.id()), deleted);
    assertEquals(List.of(), storeOnlyPurged, "nothing failed, nothing purged from the repository only");
    assertEquals(List.of(1L, 2L, 4L), fullyPurged, "another server's is not asked: Liberty cannot delete its logs");
    assertEquals(5, table.size(), "running " + running + ", other server's " + otherServers);
  }

  @Test
  void anotherServersRunsThatItHasNotPurgedWithinTheGraceArePurgedFromTheRepositoryOnly() {
    var abandoned = run(1L, OTHER, HORIZON.minus(Duration.ofDays(8)));
    var withinTheGrace = run(2L, OTHER, HORIZON.minus(Duration.ofDays(6)));
    var mine = run(3L, ME, HORIZON.minus(Duration.ofDays(8)));

    assertEquals(new GuardianHistory.Purged(2, 0), history.purgeEndedBefore(HORIZON));
    assertEquals(List.of(1L), storeOnlyPurged, "only another server's beyond the grace, from the repository only");
    assertEquals(List.of(3L), fullyPurged, "this server's own, with its job logs");
    assertEquals(Set.of(abandoned.id(), mine.id()), deleted, "kept for its own server: " + withinTheGrace.id());
  }

  @Test
  void aDeletedTenantsRunsOfAnotherServerWaitTheGraceFromNow() {
    var recent = run(1L, OTHER, Instant.now().minus(Duration.ofDays(1)));
    var abandoned = run(2L, OTHER, Instant.now().minus(Duration.ofDays(9)));

    assertEquals(new GuardianHistory.Purged(1, 0), history.purgeRunsOfDeletedTenants());
    assertEquals(Set.of(abandoned.id()), deleted, "kept for its server: " + recent.id());
    assertEquals(List.of(2L), storeOnlyPurged);
  }

  @Test
  void aFailedPurgeIsRetriedFromTheRepositoryOnlyAndTheRunGoesIfThatWorks() {
    var logsStuck = run(1L);
    var stillFailing = run(2L);
    answers.put(1L, PurgeStatus.FAILED);
    answers.put(2L, PurgeStatus.FAILED);
    storeOnlyAnswers.put(2L, PurgeStatus.FAILED);

    assertEquals(new GuardianHistory.Purged(1, 1), history.purgeEndedBefore(HORIZON));
    assertEquals(List.of(1L, 2L), storeOnlyPurged.stream().sorted().toList());
    assertEquals(Set.of(logsStuck.id()), deleted, "kept for the next purge: " + stillFailing.id());
  }

  @Test
  void anInstanceLeftOutOfTheAnswerKeepsItsRunWhileTheJobRepositoryStillHoldsIt() {
    var answered = run(1L);
    var leftOut = run(2L);
    leftOutOfTheAnswer.add(2L);

    assertEquals(new GuardianHistory.Purged(1, 1), history.purgeEndedBefore(HORIZON));
    assertEquals(Set.of(answered.id()), deleted, "kept until its instance is purged: " + leftOut.id());
  }

  @Test
  void deletedTenantsRunsGoTheSameWay() {
    var purged = run(1L);
    var running = run(2L);
    answers.put(2L, PurgeStatus.STILL_ACTIVE);
    assertEquals(new GuardianHistory.Purged(1, 1), history.purgeRunsOfDeletedTenants());
    assertEquals(Set.of(purged.id()), deleted, "kept while it runs: " + running.id());
  }

  @Test
  void jobInstancesNoRunNamesArePurgedToo() {
    for (long i = 1; i <= 250; i++) {
      orphans.add(new OrphanInstance(i, i == 7 ? OTHER : ME, HORIZON.minusSeconds(60)));
    }
    orphans.add(new OrphanInstance(251, OTHER, HORIZON.minus(Duration.ofDays(8))));
    assertEquals(new GuardianHistory.Purged(250, 0), history.purgeOrphansBefore(HORIZON));
    assertEquals(List.of(251L), storeOnlyPurged, "another server's past the grace; its instance 7 waits");
  }

  @Test
  void anyNumberOfRunsKeptForAnotherServerDoNotStopThePurgeOfTheYoungerOnes() {
    for (long i = 1; i <= 3_000; i++) {
      run(i, i <= 2_900 ? OTHER : ME, HORIZON.minusSeconds(5_000 - i));
    }
    history.maxRuns = 250; // scans at most 2,500 rows
    assertEquals(new GuardianHistory.Purged(100, 0), history.purgeEndedBefore(HORIZON));
    assertEquals(Set.copyOf(table.subList(2_900, 3_000).stream().map(ExpiredRun::id).toList()), deleted);
    assertEquals(List.of(), storeOnlyPurged, "the other server's are within their grace");
  }

  @Test
  void pagesThroughTheBacklogUpToTheMaximumPerPurge() {
    for (long i = 1; i <= 450; i++) {
      run(i);
    }
    history.maxRuns = 420;
    assertEquals(new GuardianHistory.Purged(420, 0), history.purgeEndedBefore(HORIZON));
    assertEquals(Set.copyOf(table.subList(0, 420).stream().map(ExpiredRun::id).toList()), deleted, "oldest first");
  }
}
