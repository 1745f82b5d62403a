package io.stocksync.channel.push;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: integer or decimal seconds (Shopify sends "2.0"), or an HTTP date. */
public final class RetryAfter {

  /** What Shopify documents when the header is absent; we use it for every vendor. */
  public static final Duration DEFAULT = Duration.ofSeconds(1);

  private RetryAfter() {}

  public static Duration parse(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT;
    }
    String value = header.trim();
    try {
      double seconds = Double.parseDouble(value);
      return seconds > 0 && seconds < 86_400 ? Duration.ofMillis(Math.round(seconds * 1000)) : DEFAULT;
    } catch (NumberFormatException notSeconds) {
      return fromDate(value);
    }
  }

  private static Duration fromDate(String value) {
    try {
      var until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      var wait = Duration.between(Instant.now(), until);
      return wait.isNegative() || wait.isZero() ? DEFAULT : wait;
    } catch (DateTimeParseException e) {
      return DEFAULT;
    }
  }
}
