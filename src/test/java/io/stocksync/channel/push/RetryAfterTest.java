package io.stocksync.channel.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void secondsAsIntegerOrDecimal() {
    assertEquals(Duration.ofSeconds(2), RetryAfter.parse("2"));
    assertEquals(Duration.ofMillis(2500), RetryAfter.parse(" 2.5 "));
    assertEquals(Duration.ofSeconds(2), RetryAfter.parse("2.0"));
  }

  @Test
  void anHttpDateIsTheTimeUntilThen() {
    var in30s = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30).format(DateTimeFormatter.RFC_1123_DATE_TIME);
    var wait = RetryAfter.parse(in30s);
    assertTrue(wait.compareTo(Duration.ofSeconds(25)) > 0 && wait.compareTo(Duration.ofSeconds(31)) < 0,
        wait::toString);
  }

  @Test
  void absentNonsenseOrPastMeansOneSecond() {
    assertEquals(Duration.ofSeconds(1), RetryAfter.parse(null));
    assertEquals(Duration.ofSeconds(1), RetryAfter.parse("soon"));
    assertEquals(Duration.ofSeconds(1), RetryAfter.parse("-3"));
    assertEquals(Duration.ofSeconds(1), RetryAfter.parse("Mon, 01 Jan 2001 00:00:00 GMT"));
  }
}
