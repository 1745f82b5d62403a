package io.stocksync.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.io.FileUtils;

/**
 * The run command's launcher: starts PostgreSQL and Artemis with their data under one folder, runs the Liberty
 * server in the foreground pointed at them, and on Ctrl-C (or when Maven, its parent, goes away) stops Liberty,
 * then the broker, then the database, so that no process is left behind.
 *
 * <p>Settings (system properties): stocksync.data.dir, stocksync.pg.port, stocksync.artemis.port, artemis.config,
 * wlp.home; argument: the Liberty server name.
 */
public final class DevStack {

  private static final Logger LOG = Logger.getLogger(DevStack.class.getName());

  private final String serverName;
  private final Path wlpHome;
  private final EmbeddedDatabase database;
  private final EmbeddedBroker broker;
  private volatile Process liberty;

  DevStack(String serverName, Path wlpHome, EmbeddedDatabase database, EmbeddedBroker broker) {
    this.serverName = serverName;
    this.wlpHome = wlpHome;
    this.database = database;
    this.broker = broker;
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("stocksync.data.dir")).toAbsolutePath();
    Files.createDirectories(home);
    var stack = new DevStack(
        args.length > 0 ? args[0] : "stocksync",
        Path.of(System.getProperty("wlp.home")),
        new EmbeddedDatabase(Integer.getInteger("stocksync.pg.port", 15432), home, false),
        new EmbeddedBroker(Path.of(System.getProperty("artemis.config")),
            Integer.getInteger("stocksync.artemis.port", 61616), home));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "devstack-shutdown"));
    // Maven may be killed without a terminal Ctrl-C reaching us: follow it.
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
    System.exit(stack.run(home));
  }

  int run(Path home) throws Exception {
    long t0 = System.nanoTime();
    if (!Files.exists(home.resolve("postgres").resolve("PG_VERSION"))) {
      FileUtils.deleteDirectory(JobLogs.of(wlpHome, serverName).toFile()); // an earlier database's
    }
    database.start();
    LOG.info(() -> "PostgreSQL ready on 127.0.0.1:" + database.port() + ", data in " + home.resolve("postgres"));
    broker.start();
    LOG.info(() -> "Artemis ready on 127.0.0.1:" + broker.port() + ", journal in " + home.resolve("artemis"));
    LOG.info(() -> String.format("Embedded stack up in %d ms; starting Liberty server %s",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), serverName));
    liberty = libertyCommand("run").inheritIO().start();
    return liberty.waitFor();
  }

  private ProcessBuilder libertyCommand(String action) {
    // The server's ports (HTTP, database, broker) are in its bootstrap.properties, written by the build.
    return new ProcessBuilder(List.of(wlpHome.resolve("bin/server").toString(), action, serverName));
  }

  private void shutdown() {
    try {
      stopLiberty();
    } finally {
      try {
        broker.stop();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "broker stop failed", e);
      }
      try {
        database.stop();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "database stop failed", e);
      }
      LOG.info("Embedded stack stopped");
    }
  }

  private void stopLiberty() {
    Process p = liberty;
    if (p == null || !p.isAlive()) {
      return;
    }
    try {
      // A terminal Ctrl-C already reached Liberty; otherwise ask it to stop, and insist if it will not.
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        libertyCommand("stop").inheritIO().start().waitFor(90, TimeUnit.SECONDS);
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
