package io.stocksync.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A real PostgreSQL server whose data lives in a folder of ours and survives a restart. */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String NAME = "stocksync";
  public static final String USER = "stocksync";
  public static final String PASSWORD = "stocksync";

  private final int port;
  private final Path dataDir;
  private final Path binDir;
  private final boolean ownShutdownHook;
  private EmbeddedPostgres server;

  /**
   * @param ownShutdownHook whether the server stops itself when the JVM exits; off when the caller orders the
   *     shutdown itself (the dev stack stops Liberty first, then the database)
   */
  public EmbeddedDatabase(int port, Path home, boolean ownShutdownHook) {
    this.port = port;
    this.dataDir = home.resolve("postgres");
    this.binDir = home.resolve("postgres-bin");
    this.ownShutdownHook = ownShutdownHook;
  }

  public synchronized void start() throws IOException, SQLException {
    var builder = EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(ownShutdownHook)
        .setOverrideWorkingDirectory(binDir.toFile())
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("max_connections", "200")
        .setServerConfig("max_prepared_transactions", "64"); // XA between JMS and JDBC needs two-phase commit
    if (Boolean.getBoolean("stocksync.pg.statement-stats")) {
      // For profiling a benchmark: per-statement counts and times in pg_stat_statements (docs/benchmarks.md).
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    }
    server = builder.start();
    ensureApplicationDatabase();
  }

  /** Stops the server, keeping its data. */
  public synchronized void stop() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public boolean isRunning() {
    return server != null;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + NAME;
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private void ensureApplicationDatabase() throws SQLException {
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (var c = DriverManager.getConnection(admin, "postgres", "postgres"); var s = c.createStatement()) {
      try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
        if (!rs.next()) {
          s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
      }
      try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + NAME + " OWNER " + USER);
        }
      }
    }
  }
}
