package io.stocksync.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredHeadersTest {

  @Test
  void keepsWhatTheFormatsReadWithEveryValueAndDropsCredentials() {
    var headers = new LinkedHashMap<String, List<String>>();
    headers.put("X-Shopify-Hmac-Sha256", List.of("c2lnbmF0dXJl"));
    headers.put("X-Shopify-Topic", List.of("orders/create"));
    headers.put("Accept", List.of("application/json", "text/\"quoted\""));
    headers.put("Authorization", List.of("Bearer secret"));
    headers.put("cookie", List.of("session=1"));
    headers.put("Proxy-Authorization", List.of("Basic x"));

    var stored = StoredHeaders.fromJson(StoredHeaders.toJson(headers));

    assertEquals(Map.of("X-Shopify-Hmac-Sha256", List.of("c2lnbmF0dXJl"), "X-Shopify-Topic",
        List.of("orders/create"), "Accept", List.of("application/json", "text/\"quoted\"")), stored);
  }

  @Test
  void noHeadersStoreAsAnEmptyObject() {
    assertEquals("{}", StoredHeaders.toJson(Map.of()));
    assertEquals(Map.of(), StoredHeaders.fromJson(null));
  }
}
