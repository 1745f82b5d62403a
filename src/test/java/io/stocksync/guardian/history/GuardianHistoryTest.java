package io.stocksync.guardian.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stocksync.guardian.history.HistoryStore.ExpiredRun;
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

  /** Expired runs, oldest first; job instance i+1 for run i unless the run never started. */
  private final List<ExpiredRun> table = new ArrayList<>();
  private final Map<Long, PurgeStatus> answers = new HashMap<>();
  private final Map<Long, PurgeStatus> storeOnlyAnswers = new HashMap<>();
  private final List<Long> storeOnlyPurged = new ArrayList<>();
  private final Set<UUID> deleted = new HashSet<>();
  /** Job instances no run names, in id order. */
  private final List<Long> orphans = new ArrayList<>();
  /** Instances Liberty's answer leaves out although its job repository still holds them. */
  private final Set<Long> leftOutOfTheAnswer = new HashSet<>();
  private GuardianHistory history;

  @BeforeEach
  void history() {
    history = new GuardianHistory();
    history.maxRuns = 1000;
    history.store = new HistoryStore() {
      @Override
      public List<ExpiredRun> page(Instant horizon, ExpiredRun after, int size) {
        int from = after == null ? 0 : table.indexOf(after) + 1;
        return List.copyOf(table.subList(from, Math.min(table.size(), from + size)));
      }

      @Override
      public List<ExpiredRun> pageOfDeletedTenants(ExpiredRun after, int size) {
        return page(HORIZON, after, size); // the same table: the loop is what is tested
      }

      @Override
      public List<Long> orphanInstances(Instant horizon, long afterId, int size) {
        return orphans.stream().filter(id -> id > afterId).limit(size).toList();
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
        if (storeOnly) {
          storeOnlyPurged.addAll(instanceIds);
        }
        var statuses = new HashMap<Long, PurgeStatus>();
        instanceIds.forEach(id -> statuses.put(id, leftOutOfTheAnswer.contains(id) ? PurgeStatus.GONE
            : (storeOnly ? storeOnlyAnswers : answers).getOrDefault(id, PurgeStatus.COMPLETED)));
        return statuses;
      }
    };
  }

  private ExpiredRun run(Long instance) {
    var run = new ExpiredRun(UUID.randomUUID(), instance, HORIZON.minusSeconds(1000 - table.size()));
    table.add(run);
    return run;
  }

  @Test
  void deletesTheRunsWhoseJobInstancesAreGoneAndKeepsTheOthers() {
    var purged = run(1L);
    var alreadyGone = run(2L);
    var neverStarted = run(null);
    var running = run(4L);
    var otherServers = run(5L);
    answers.put(2L, PurgeStatus.GONE);
    answers.put(4L, PurgeStatus.STILL_ACTIVE);
    answers.put(5L, PurgeStatus.NOT_LOCAL);

    assertEquals(new GuardianHistory.Purged(3, 2), history.purgeEndedBefore(HORIZON));
    assertEquals(Set.of(purged.id(), alreadyGone.id(), neverStarted.id()), deleted);
    assertEquals(List.of(), storeOnlyPurged, "nothing failed, nothing purged from the repository only");
    assertEquals(5, table.size(), "running " + running + ", other server's " + otherServers);
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
      orphans.add(i);
    }
    answers.put(7L, PurgeStatus.NOT_LOCAL);
    assertEquals(new GuardianHistory.Purged(249, 1), history.purgeOrphansBefore(HORIZON));
  }

  @Test
  void runsKeptForAnotherServerDoNotStopThePurgeOfTheYoungerOnes() {
    for (long i = 1; i <= 400; i++) {
      run(i);
      answers.put(i, i <= 300 ? PurgeStatus.NOT_LOCAL : PurgeStatus.COMPLETED);
    }
    history.maxRuns = 250;
    assertEquals(new GuardianHistory.Purged(100, 300), history.purgeEndedBefore(HORIZON));
    assertEquals(Set.copyOf(table.subList(300, 400).stream().map(ExpiredRun::id).toList()), deleted);
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
