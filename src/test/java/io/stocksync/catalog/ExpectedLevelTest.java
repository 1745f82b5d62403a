package io.stocksync.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpectedLevelTest {

  @Test
  void holdsBackTheBufferAndNeverGoesBelowZero() {
    assertEquals(8, ExpectedLevel.of(10, 2));
    assertEquals(0, ExpectedLevel.of(3, 5));
    assertEquals(0, ExpectedLevel.of(-4, 0), "an oversold product shows nothing");
  }
}
