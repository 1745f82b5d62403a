package io.stocksync.channel.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Vendor payloads from src/test/resources/webhooks/ and deliveries built around them. */
public final class Fixtures {

  private Fixtures() {}

  /** The exact bytes of webhooks/{vendor}/{name}. */
  public static byte[] body(String vendor, String name) {
    String path = "/webhooks/" + vendor + "/" + name;
    try (var in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WebhookRequest request(Map<String, String> headers, byte[] body) {
    return request(headers, body, null);
  }

  public static WebhookRequest request(Map<String, String> headers, byte[] body, String notificationUrl) {
    var multi = new HashMap<String, List<String>>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    return new WebhookRequest(multi, body, notificationUrl);
  }

  /** The headers with one replaced (or added, or removed when the value is null). */
  public static Map<String, String> with(Map<String, String> headers, String name, String value) {
    var copy = new HashMap<>(headers);
    copy.remove(name);
    if (value != null) {
      copy.put(name, value);
    }
    return copy;
  }
}
