package io.stocksync.intake;

import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headers kept with a delivery: everything the vendor formats read, never credentials (Authorization and
 * cookies are dropped).
 */
public final class StoredHeaders {

  private static final Set<String> DROPPED = Set.of("authorization", "cookie", "proxy-authorization");

  private StoredHeaders() {}

  /** JSON-P, not JSON-B: this runs for every webhook, and JSON-B's map serializer cost 8 % of intake's CPU. */
  public static String toJson(Map<String, List<String>> headers) {
    var kept = JsonP.createObjectBuilder();
    headers.forEach((name, values) -> {
      if (!DROPPED.contains(name.toLowerCase())) {
        kept.add(name, JsonP.createArrayBuilder(values));
      }
    });
    return kept.build().toString();
  }

  public static Map<String, List<String>> fromJson(String json) {
    var headers = new LinkedHashMap<String, List<String>>();
    if (json != null) {
      try (var reader = JsonP.createReader(new StringReader(json))) {
        reader.readObject().forEach((name, values) ->
            headers.put(name, values.asJsonArray().getValuesAs(JsonString::getString)));
      }
    }
    return headers;
  }
}
