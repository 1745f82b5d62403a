package io.stocksync.inbox.retention;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Reads the ids of finished deliveries received before the cutoff, by key (id order) a page at a time, so a
 * restart resumes after the last checkpointed id. Deliveries still waiting (ACCEPTED, PARKED) are never purged.
 */
@Named
@Dependent
public class ExpiredDeliveryReader extends AbstractItemReader {

  private static final String PAGE_QUERY = "SELECT id FROM webhook_delivery"
      + " WHERE id > ? AND received_at < ? AND outcome IN ('PROCESSED', 'DUPLICATE', 'REJECTED', 'DEAD')"
      + " ORDER BY id LIMIT ?";

  @Inject
  @BatchProperty
  String retentionDays;

  @Inject
  @BatchProperty
  String pageSize;

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  private PurgeCheckpoint checkpoint;
  private final Deque<Long> page = new ArrayDeque<>();
  private boolean exhausted;

  @Override
  public void open(Serializable previous) {
    checkpoint = previous != null
        ? (PurgeCheckpoint) previous
        : new PurgeCheckpoint(Instant.now().minus(Duration.ofDays(Long.parseLong(retentionDays))), 0L);
  }

  @Override
  public Object readItem() throws SQLException {
    if (page.isEmpty() && !exhausted) {
      fetchPage();
    }
    Long id = page.poll();
    if (id != null) {
      checkpoint = checkpoint.after(id);
    }
    return id;
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  private void fetchPage() throws SQLException {
    int size = Integer.parseInt(pageSize);
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement(PAGE_QUERY)) {
      ps.setLong(1, checkpoint.lastId());
      ps.setTimestamp(2, Timestamp.from(checkpoint.cutoff()));
      ps.setInt(3, size);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(rs.getLong(1));
        }
      }
    }
    exhausted = page.size() < size;
  }
}
