package io.stocksync.platform.persistence;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps read through native queries (java.sql.Timestamp), as the API shows them: UTC offsets. */
public final class SqlTimes {

  private SqlTimes() {}

  /** The column value (a Timestamp, or null) at offset UTC. */
  public static OffsetDateTime utc(Object timestamp) {
    return timestamp == null ? null : ((Timestamp) timestamp).toInstant().atOffset(ZoneOffset.UTC);
  }
}
