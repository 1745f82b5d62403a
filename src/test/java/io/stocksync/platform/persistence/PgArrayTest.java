package io.stocksync.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PgArrayTest {

  @Test
  void quotesEveryElementEscapesQuotesAndBackslashesAndWritesNullsAsNull() {
    assertEquals("{\"1\",\"22\"}", PgArray.literal(List.of(1L, 22L)));
    assertEquals("{\"ORDER\",NULL}", PgArray.literal(Arrays.asList("ORDER", null)));
    assertEquals("{\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\"}",
        PgArray.literal(List.of("a,b", "say \"hi\"", "back\\slash")));
    var id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    assertEquals("{\"00000000-0000-0000-0000-000000000001\"}", PgArray.literal(List.of(id)));
    assertEquals("{}", PgArray.literal(List.of()));
  }
}
