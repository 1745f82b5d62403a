package io.stocksync.teststack;

import io.stocksync.devstack.EmbeddedBroker;
import io.stocksync.devstack.EmbeddedDatabase;
import io.stocksync.devstack.JobLogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.apache.commons.io.FileUtils;

/**
 * The PostgreSQL and Artemis the integration tests run against. They live in the test JVM, so a test can stop
 * and restart them (outages) and look inside them (rows, queues) while Liberty runs as its own process.
 */
public final class TestStack {

  private static EmbeddedDatabase database;
  private static EmbeddedBroker broker;

  private TestStack() {}

  static synchronized void start(Path workDir) throws Exception {
    FileUtils.deleteDirectory(workDir.resolve("postgres").toFile());
    FileUtils.deleteDirectory(workDir.resolve("artemis").toFile());
    FileUtils.deleteDirectory(jobLogs().toFile()); // they belong to the database just deleted
    database = new EmbeddedDatabase(Integer.getInteger("it.pg.port"), workDir, true);
    broker = new EmbeddedBroker(Path.of(System.getProperty("artemis.config")),
        Integer.getInteger("it.artemis.port"), workDir);
    database.start();
    broker.start();
  }

  static synchronized void stop() throws Exception {
    if (broker != null) {
      broker.stop();
    }
    if (database != null) {
      database.stop();
    }
  }

  public static EmbeddedDatabase database() {
    return database;
  }

  public static EmbeddedBroker broker() {
    return broker;
  }

  /** Where the Liberty server under test keeps its batch job logs. */
  public static Path jobLogs() {
    return JobLogs.of(Path.of(System.getProperty("wlp.home")), System.getProperty("liberty.server.name"));
  }

  /** A direct connection to the application database, as the application's own user. */
  public static Connection jdbc() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
  }

  public static String brokerUrl() {
    return "tcp://127.0.0.1:" + broker.port();
  }
}
