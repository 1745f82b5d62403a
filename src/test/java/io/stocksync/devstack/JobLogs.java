package io.stocksync.devstack;

import java.nio.file.Path;

/**
 * Where a Liberty server keeps its batch job logs: by job instance id, so they belong to the database that numbered
 * the instances. With a new database the ids start again at 1, and old logs in the same directories make Liberty's
 * purge of the new instances fail; the dev and test stacks delete them when they create a database.
 */
public final class JobLogs {

  private JobLogs() {}

  public static Path of(Path wlpHome, String serverName) {
    return wlpHome.resolve("usr").resolve("servers").resolve(serverName).resolve("logs").resolve("joblogs");
  }
}
