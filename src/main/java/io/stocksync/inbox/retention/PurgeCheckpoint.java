package io.stocksync.inbox.retention;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a purge stands: the cutoff it was started with (kept so a restart purges the same set) and the last
 * delivery id it handed to the writer.
 */
public record PurgeCheckpoint(Instant cutoff, long lastId) implements Serializable {

  private static final long serialVersionUID = 1L;

  public PurgeCheckpoint after(long id) {
    return new PurgeCheckpoint(cutoff, id);
  }
}
