package io.stocksync.inbox.retention;

import io.stocksync.platform.batch.KeysetPageReader;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the ids of finished deliveries received before the cutoff, by key (id order) a page at a time, so a
 * restart resumes after the last checkpointed id. Deliveries still waiting (ACCEPTED, PARKED) are never purged.
 */
@Named
@Dependent
public class ExpiredDeliveryReader extends KeysetPageReader<Long> {

  private static final String PAGE_QUERY = "SELECT id FROM webhook_delivery"
      + " WHERE id > ? AND received_at < ? AND outcome IN ('PROCESSED', 'DUPLICATE', 'REJECTED', 'DEAD')"
      + " ORDER BY id LIMIT ?";

  @Inject
  @BatchProperty
  String retentionDays;

  private PurgeCheckpoint checkpoint;

  @Override
  public void open(Serializable previous) {
    checkpoint = previous != null
        ? (PurgeCheckpoint) previous
        : new PurgeCheckpoint(Instant.now().minus(Duration.ofDays(Long.parseLong(retentionDays))), 0L);
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  @Override
  protected PreparedStatement nextPage(Connection connection, int size) throws SQLException {
    var ps = connection.prepareStatement(PAGE_QUERY);
    ps.setLong(1, checkpoint.lastId());
    ps.setTimestamp(2, Timestamp.from(checkpoint.cutoff()));
    ps.setInt(3, size);
    return ps;
  }

  @Override
  protected Long key(ResultSet row) throws SQLException {
    return row.getLong(1);
  }

  @Override
  protected void advancePast(Long id) {
    checkpoint = checkpoint.after(id);
  }
}
