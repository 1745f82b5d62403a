package io.stocksync.teststack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.io.FileUtils;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A second Liberty process beside the one Arquillian started: the same configuration and WAR, its own HTTP ports,
 * the same PostgreSQL and Artemis. This is the scale-out deployment of the spec (several servers sharing a broker and
 * a database), run for real. {@link #kill()} ends it the way a crash does (SIGKILL: no shutdown hooks, open
 * transactions and unacknowledged messages left to the database and the broker).
 */
public final class SecondServer implements AutoCloseable {

  private static final Set<String> NOT_COPIED = Set.of("logs", "workarea", "tranlog", "apps", "dropins", "temp");

  private final Path wlp;
  private final String name;
  private final int httpPort;
  private final Process process;

  private SecondServer(Path wlp, String name, int httpPort, Process process) {
    this.wlp = wlp;
    this.name = name;
    this.httpPort = httpPort;
    this.process = process;
  }

  /** Creates the server from the test server's own directory and starts it; returns once it is ready. */
  public static SecondServer start(int httpPort, int httpsPort) throws IOException, InterruptedException {
    Path wlp = Path.of(System.getProperty("wlp.home"));
    String first = System.getProperty("liberty.server.name");
    String name = first + "-2";
    Path source = wlp.resolve("usr/servers").resolve(first);
    Path dir = wlp.resolve("usr/servers").resolve(name);
    FileUtils.deleteDirectory(dir.toFile());
    Files.createDirectories(dir);
    try (var entries = Files.list(source)) {
      for (Path entry : entries.toList()) {
        if (!NOT_COPIED.contains(entry.getFileName().toString())) {
          FileUtils.copyToDirectory(entry.toFile(), dir.toFile());
        }
      }
    }
    Path bootstrap = dir.resolve("bootstrap.properties");
    String properties = Files.readString(bootstrap);
    properties = Pattern.compile("(?m)^http\\.port=.*$").matcher(properties).replaceAll("http.port=" + httpPort);
    properties = Pattern.compile("(?m)^https\\.port=.*$").matcher(properties).replaceAll("https.port=" + httpsPort);
    Files.writeString(bootstrap, properties);
    Files.createDirectories(dir.resolve("dropins"));
    Files.copy(Path.of(System.getProperty("it.war")), dir.resolve("dropins/stocksync.war"),
        StandardCopyOption.REPLACE_EXISTING);

    return run(wlp, name, httpPort);
  }

  /**
   * Starts the server again after {@link #kill()}, on its own directory as it was left (workarea, transaction log,
   * job logs), the way a crashed server is restarted; returns once it is ready.
   */
  public SecondServer startAgain() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("the second server still runs");
    }
    return run(wlp, name, httpPort);
  }

  private static SecondServer run(Path wlp, String name, int httpPort) throws IOException, InterruptedException {
    Path console = Path.of(System.getProperty("it.work.dir")).resolve(name + "-console.log");
    Files.createDirectories(console.getParent());
    var process = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), "run", name))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile())).start();
    var server = new SecondServer(wlp, name, httpPort, process);
    server.awaitReady(Duration.ofMinutes(4));
    return server;
  }

  /** The application's base address on this server (what {@code @ArquillianResource URL} is for the first). */
  public URI base() {
    return URI.create("http://127.0.0.1:" + httpPort + "/stocksync/");
  }

  /** Liberty's id for this server in the batch job repository ({@code jobexecution.serverid} ends with it). */
  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the server as a crash would: SIGKILL to its JVM, no orderly shutdown. */
  public void kill() throws InterruptedException {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Stops the server if it still runs (an orderly stop, then SIGKILL if that hangs). */
  @Override
  public void close() throws Exception {
    if (!process.isAlive()) {
      return;
    }
    var stop = new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name).inheritIO().start();
    stop.waitFor(60, TimeUnit.SECONDS);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private void awaitReady(Duration patience) throws InterruptedException {
    var root = new Api(URI.create("http://127.0.0.1:" + httpPort + "/"));
    try {
      await().atMost(patience).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
          .until(() -> !process.isAlive() || root.get("health/ready").status() == 200);
    } catch (ConditionTimeoutException e) {
      kill();
      throw new IllegalStateException("the second server was not ready within " + patience, e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException("the second server exited with " + process.exitValue());
    }
  }
}
