package io.stocksync.guardian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunDispatcherTest {

  private final List<UUID> started = new ArrayList<>();
  private final Set<UUID> expired = new HashSet<>();
  private final Set<UUID> ended = new HashSet<>();
  private RunDispatcher dispatcher;

  @BeforeEach
  void dispatcherWithTwoPlaces() {
    dispatcher = new RunDispatcher();
    dispatcher.maxConcurrent = 2;
    dispatcher.launcher = new GuardianLauncher() {
      @Override
      public long start(UUID runId, UUID tenantId) {
        started.add(runId);
        return started.size();
      }
    };
    dispatcher.runs = new GuardianRuns() {
      @Override
      public boolean isClaimed(UUID runId) {
        return !expired.contains(runId);
      }

      @Override
      public Set<UUID> notActive(Set<UUID> runIds) {
        var gone = new HashSet<>(runIds);
        gone.retainAll(ended);
        return gone;
      }
    };
    dispatcher.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
          ((Runnable) args[0]).run(); // execute(Runnable), inline
          return null;
        });
  }

  @Test
  void startsAtMostItsLimitAndTheRestInClaimOrderAsRunsEnd() {
    var runs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    runs.forEach(r -> dispatcher.submit(r, UUID.randomUUID()));
    assertEquals(runs.subList(0, 2), started);
    assertEquals(2, dispatcher.waiting());

    dispatcher.ended(runs.get(1));
    assertEquals(runs.subList(0, 3), started);
    dispatcher.ended(runs.get(1)); // told twice: frees nothing more
    assertEquals(3, started.size());
    dispatcher.ended(runs.get(0));
    assertEquals(runs, started);
  }

  @Test
  void aRunThatExpiredWhileWaitingIsDroppedAndTheNextStarts() {
    var runs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    runs.forEach(r -> dispatcher.submit(r, UUID.randomUUID()));
    expired.add(runs.get(2));

    dispatcher.ended(runs.get(0));
    assertEquals(List.of(runs.get(0), runs.get(1), runs.get(3)), started);
  }

  @Test
  void placesOfRunsThatEndedWithoutTellingAreForgotten() {
    var runs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    runs.forEach(r -> dispatcher.submit(r, UUID.randomUUID()));
    ended.add(runs.get(0));

    dispatcher.forgetEnded();
    assertEquals(runs, started);
  }
}
