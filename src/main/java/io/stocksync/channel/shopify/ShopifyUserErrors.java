package io.stocksync.channel.shopify;

import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.channel.push.PushOutcomes;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pins {@code inventorySetQuantities} userErrors on the items they name (field ["input","quantities","3",...]). */
final class ShopifyUserErrors {

  private static final Set<String> STALE = Set.of("CHANGE_FROM_QUANTITY_STALE", "COMPARE_QUANTITY_STALE");

  private ShopifyUserErrors() {}

  /**
   * Records a FAILED outcome for each item refused for another reason, adds the stale ones to {@code conflicts},
   * and answers all refused items; empty when no error names an item.
   */
  static Set<LevelPush> sort(List<LevelPush> sent, JsonArray errors, Map<String, PushOutcome> outcomes,
      List<LevelPush> conflicts) {
    var refused = new LinkedHashSet<LevelPush>();
    for (var e : errors.getValuesAs(JsonObject.class)) {
      int index = quantityIndex(e);
      if (index < 0 || index >= sent.size()) {
        continue;
      }
      var push = sent.get(index);
      if (!refused.add(push)) {
        continue;
      }
      if (STALE.contains(e.getString("code", ""))) {
        conflicts.add(push);
      } else {
        outcomes.put(push.externalId(), PushOutcomes.failed(200, e.getString("code", "") + ": "
            + e.getString("message", "")));
      }
    }
    return refused;
  }

  private static int quantityIndex(JsonObject error) {
    var field = error.get("field");
    if (field == null || field.getValueType() != JsonValue.ValueType.ARRAY) {
      return -1;
    }
    var path = field.asJsonArray().getValuesAs(JsonValue.class).stream()
        .map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
    int at = path.indexOf("quantities");
    try {
      return at >= 0 && at + 1 < path.size() ? Integer.parseInt(path.get(at + 1)) : -1;
    } catch (NumberFormatException notAnIndex) {
      return -1;
    }
  }
}
