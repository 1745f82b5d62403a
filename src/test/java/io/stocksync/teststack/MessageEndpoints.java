package io.stocksync.teststack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pauses and resumes one message-driven bean of the test server, as ops do with {@code server pause --target}:
 * while paused, its queue keeps what arrives and nothing consumes it.
 */
public final class MessageEndpoints {

  private MessageEndpoints() {}

  /** Stops {@code bean} (e.g. "DeliveryListener") taking messages. */
  public static void pause(String bean) throws IOException, InterruptedException {
    serverCommand("pause", bean);
  }

  public static void resume(String bean) throws IOException, InterruptedException {
    serverCommand("resume", bean);
  }

  private static void serverCommand(String action, String bean) throws IOException, InterruptedException {
    Path wlp = Path.of(System.getProperty("wlp.home"));
    var command = List.of(wlp.resolve("bin/server").toString(), action, System.getProperty("liberty.server.name"),
        "--target=stocksync#stocksync.war#" + bean);
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + output);
    }
  }
}
