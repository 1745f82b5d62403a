package io.stocksync.channel.reseal;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the ids of rows holding any sealed secret, by key a page at a time, so a restart resumes after the last
 * checkpointed row. Which of them still need a new key is the writer's decision (it reads the row under lock).
 */
public abstract class SealedRowReader extends AbstractItemReader {

  // uuid order in PostgreSQL is unsigned byte order; the checkpoint starts below every id.
  private static final String FIRST = "00000000-0000-0000-0000-000000000000";

  @Inject
  @BatchProperty
  String pageSize;

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  private ResealCheckpoint checkpoint;
  private final Deque<UUID> page = new ArrayDeque<>();
  private boolean exhausted;

  /** Parameters: the id to start after, the page size; selects the ids of rows with a sealed secret, in id order. */
  protected abstract String pageQuery();

  @Override
  public void open(Serializable previous) {
    checkpoint = previous != null ? (ResealCheckpoint) previous : new ResealCheckpoint(null);
  }

  @Override
  public Object readItem() throws SQLException {
    if (page.isEmpty() && !exhausted) {
      fetchPage();
    }
    UUID id = page.poll();
    if (id != null) {
      checkpoint = new ResealCheckpoint(id);
    }
    return id;
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  private void fetchPage() throws SQLException {
    int size = Integer.parseInt(pageSize);
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement(pageQuery())) {
      ps.setString(1, checkpoint.lastId() == null ? FIRST : checkpoint.lastId().toString());
      ps.setInt(2, size);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(rs.getObject(1, UUID.class));
        }
      }
    }
    exhausted = page.size() < size;
  }
}
