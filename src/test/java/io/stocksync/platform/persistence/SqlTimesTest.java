package io.stocksync.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlTimesTest {

  @Test
  void aTimestampIsShownAtUtcWithItsInstantKeptAndNullStaysNull() {
    var instant = Instant.parse("2026-11-24T12:34:56.123456Z");
    var shown = SqlTimes.utc(Timestamp.from(instant));
    assertEquals(ZoneOffset.UTC, shown.getOffset());
    assertEquals(instant, shown.toInstant(), "to the microsecond PostgreSQL keeps");
    assertNull(SqlTimes.utc(null));
  }
}
