package io.stocksync.intake;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headers kept with a delivery: everything the vendor formats read, never credentials (Authorization and
 * cookies are dropped).
 */
public final class StoredHeaders {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Set<String> DROPPED = Set.of("authorization", "cookie", "proxy-authorization");
  private static final Type MAP_TYPE = new LinkedHashMap<String, List<String>>() {}.getClass().getGenericSuperclass();

  private StoredHeaders() {}

  public static String toJson(Map<String, List<String>> headers) {
    var kept = new LinkedHashMap<String, List<String>>();
    headers.forEach((name, values) -> {
      if (!DROPPED.contains(name.toLowerCase())) {
        kept.put(name, new ArrayList<>(values));
      }
    });
    return JSONB.toJson(kept);
  }

  public static Map<String, List<String>> fromJson(String json) {
    return json == null ? Map.of() : JSONB.fromJson(json, MAP_TYPE);
  }
}
