package io.stocksync.platform.schedule;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs tasks periodically; the executor is the server's, so the tasks are cancelled with the application. */
@ApplicationScoped
public class Periodic {

  @Resource
  ManagedScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();

  public void every(long seconds, Runnable task) {
    every(Duration.ofSeconds(seconds), task);
  }

  public void every(Duration period, Runnable task) {
    long millis = period.toMillis();
    tasks.add(scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS));
  }

  @PreDestroy
  void cancelAll() {
    tasks.forEach(t -> t.cancel(false));
  }
}
