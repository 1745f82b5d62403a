package io.stocksync.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stocksync.platform.problem.ProblemException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void extraRowOnlySignalsAnotherPage() {
    var request = PageRequest.of(2, null);
    var page = Page.of(List.of("a", "b", "c"), request, Function.identity(), String::toUpperCase);
    assertEquals(List.of("A", "B"), page.items());
    assertEquals("b", PageRequest.of(2, page.nextCursor()).after().orElseThrow(), "cursor is the last key shown");
    assertNull(Page.of(List.of("a", "b"), request, Function.identity(), Function.identity()).nextCursor());
  }

  @Test
  void limitIsCappedAndCursorsAreChecked() {
    assertEquals(PageRequest.DEFAULT_LIMIT, PageRequest.of(null, null).limit());
    assertThrows(ProblemException.class, () -> PageRequest.of(PageRequest.MAX_LIMIT + 1, null));
    assertThrows(ProblemException.class, () -> PageRequest.of(0, null));
    assertThrows(ProblemException.class, () -> PageRequest.of(10, "%%%"));
    assertThrows(ProblemException.class, () -> PageRequest.of(10, Cursor.encode("not-a-uuid")).afterUuid());
  }
}
