package io.stocksync.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

  @Test
  void aLostOrRefusedConnectionAnywhereInTheCausesIsAnOutage() {
    var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertTrue(DatabaseOutage.isCauseOf(new PersistenceException("read failed", terminated)));
    assertTrue(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("Connection refused", "08001"))));
    assertTrue(DatabaseOutage.isCauseOf(new SQLException("the database system is starting up", "57P03")));
    assertTrue(DatabaseOutage.isCauseOf(new SQLTransientConnectionException("pool timed out")));
  }

  @Test
  void otherDatabaseErrorsAndOtherFailuresAreNot() {
    assertFalse(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(DatabaseOutage.isCauseOf(new SQLException("canceling statement due to user request", "57014")));
    assertFalse(DatabaseOutage.isCauseOf(new SQLException("no state")));
    assertFalse(DatabaseOutage.isCauseOf(new IllegalStateException("a bug")));
  }
}
