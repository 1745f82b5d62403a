package io.stocksync.platform.schedule;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs tasks every few seconds; the executor is the server's, so the tasks are cancelled with the application. */
@ApplicationScoped
public class Periodic {

  @Resource
  ManagedScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();

  public void every(long seconds, Runnable task) {
    tasks.add(scheduler.scheduleWithFixedDelay(task, seconds, seconds, TimeUnit.SECONDS));
  }

  @PreDestroy
  void cancelAll() {
    tasks.forEach(t -> t.cancel(false));
  }
}
