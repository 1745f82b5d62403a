package io.stocksync.platform.paging;

import io.stocksync.platform.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;

/** limit (1..200, default 50) and the decoded key after which the page starts. */
public record PageRequest(int limit, Optional<String> after) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static PageRequest of(Integer limit, String cursor) {
    int l = limit == null ? DEFAULT_LIMIT : limit;
    if (l < 1 || l > MAX_LIMIT) {
      throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    return new PageRequest(l, Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(Cursor::decode));
  }

  /** Rows to fetch: one more than shown, to know whether another page follows. */
  public int fetchSize() {
    return limit + 1;
  }

  public Optional<UUID> afterUuid() {
    try {
      return after.map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("cursor is not one this API returned");
    }
  }

  public Optional<Long> afterLong() {
    try {
      return after.map(Long::valueOf);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("cursor is not one this API returned");
    }
  }
}
