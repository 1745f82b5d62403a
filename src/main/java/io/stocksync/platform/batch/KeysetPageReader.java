package io.stocksync.platform.batch;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Reads keys a page at a time, each page the keys after the last one read (keyset paging, never OFFSET), so a
 * restart resumes right after the checkpointed key. Subclasses keep the checkpoint: {@link #advancePast} is told
 * every key handed out, and the next page's query starts after the last of them. The step's property pageSize
 * sets the page size.
 */
public abstract class KeysetPageReader<K> extends AbstractItemReader {

  @Inject
  @BatchProperty
  String pageSize;

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  private final Deque<K> page = new ArrayDeque<>();
  private boolean exhausted;

  /** The next page's query with its parameters bound: the keys after the checkpoint, in key order, at most size. */
  protected abstract PreparedStatement nextPage(Connection connection, int size) throws SQLException;

  /** The key of a row of the page's result. */
  protected abstract K key(ResultSet row) throws SQLException;

  /** The key was handed to the chunk: the checkpoint is now past it. */
  protected abstract void advancePast(K key);

  @Override
  public Object readItem() throws SQLException {
    if (page.isEmpty() && !exhausted) {
      fetchPage();
    }
    K key = page.poll();
    if (key != null) {
      advancePast(key);
    }
    return key;
  }

  private void fetchPage() throws SQLException {
    int size = Integer.parseInt(pageSize);
    try (var c = dataSource.getConnection(); var ps = nextPage(c, size); var rs = ps.executeQuery()) {
      while (rs.next()) {
        page.add(key(rs));
      }
    }
    exhausted = page.size() < size;
  }
}
