package io.stocksync.channel.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A delivery exactly as received: headers (names case-insensitive), the raw body bytes (signatures are computed
 * over them, never over re-serialised JSON), and the URL the channel was told to call (Square signs it).
 */
public record WebhookRequest(Map<String, List<String>> headers, byte[] body, String notificationUrl) {

  public WebhookRequest {
    var insensitive = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    insensitive.putAll(headers);
    headers = insensitive;
  }

  /** The first value of a header, trimmed (vendors append newlines). */
  public Optional<String> header(String name) {
    var values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0)).map(String::trim);
  }
}
