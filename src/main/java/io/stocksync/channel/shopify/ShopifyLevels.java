package io.stocksync.channel.shopify;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;

/** Reads the answer of the Levels query: item gid -> location gid -> available. */
final class ShopifyLevels {

  private ShopifyLevels() {}

  static Map<String, Map<String, Long>> byLocation(JsonObject data) {
    var levels = new HashMap<String, Map<String, Long>>();
    for (var node : data.getJsonArray("nodes")) {
      if (node.getValueType() != JsonValue.ValueType.OBJECT) {
        continue; // an id Shopify does not know answers null
      }
      var item = node.asJsonObject();
      var atLocations = new HashMap<String, Long>();
      for (var level : item.getJsonObject("inventoryLevels").getJsonArray("nodes").getValuesAs(JsonObject.class)) {
        for (var q : level.getJsonArray("quantities").getValuesAs(JsonObject.class)) {
          if ("available".equals(q.getString("name")) && !q.isNull("quantity")) {
            atLocations.put(level.getJsonObject("location").getString("id"),
                q.getJsonNumber("quantity").longValue());
          }
        }
      }
      levels.put(item.getString("id"), atLocations);
    }
    return levels;
  }
}
