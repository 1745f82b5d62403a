package io.stocksync.platform.paging;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next page (null on the last page, and shown as null). */
@JsonbNillable
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * Builds a page from up to limit + 1 rows read in key order: the extra row only tells that there is more.
   */
  public static <R, T> Page<T> of(List<R> rows, PageRequest request, Function<R, String> keyOf,
      Function<R, T> view) {
    boolean more = rows.size() > request.limit();
    var shown = more ? rows.subList(0, request.limit()) : rows;
    String next = more ? Cursor.encode(keyOf.apply(shown.get(shown.size() - 1))) : null;
    return new Page<>(shown.stream().map(view).toList(), next);
  }
}
