package io.stocksync.channel.reseal;

import io.stocksync.platform.batch.KeysetPageReader;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads the ids of rows holding any sealed secret, by key a page at a time, so a restart resumes after the last
 * checkpointed row. Which of them still need a new key is the writer's decision (it reads the row under lock).
 */
public abstract class SealedRowReader extends KeysetPageReader<UUID> {

  // uuid order in PostgreSQL is unsigned byte order; the checkpoint starts below every id.
  private static final String FIRST = "00000000-0000-0000-0000-000000000000";

  private ResealCheckpoint checkpoint;

  /** Parameters: the id to start after, the page size; selects the ids of rows with a sealed secret, in id order. */
  protected abstract String pageQuery();

  @Override
  public void open(Serializable previous) {
    checkpoint = previous != null ? (ResealCheckpoint) previous : new ResealCheckpoint(null);
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  @Override
  protected PreparedStatement nextPage(Connection connection, int size) throws SQLException {
    var ps = connection.prepareStatement(pageQuery());
    ps.setString(1, checkpoint.lastId() == null ? FIRST : checkpoint.lastId().toString());
    ps.setInt(2, size);
    return ps;
  }

  @Override
  protected UUID key(ResultSet row) throws SQLException {
    return row.getObject(1, UUID.class);
  }

  @Override
  protected void advancePast(UUID id) {
    checkpoint = new ResealCheckpoint(id);
  }
}
