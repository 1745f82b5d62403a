package io.stocksync.channel.standin;

import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Shopify's inventorySetQuantities rules: every quantity is checked first, and one error means nothing is set. */
final class ShopifyMutation {

  private ShopifyMutation() {}

  static JsonObjectBuilder apply(JsonObject input, Map<String, Long> levels, AtomicInteger groups) {
    var errors = JsonP.createArrayBuilder();
    var changes = new HashMap<String, Long>();
    var quantities = input.getJsonArray("quantities");
    for (int i = 0; i < quantities.size(); i++) {
      var q = quantities.getJsonObject(i);
      String item = q.getString("inventoryItemId");
      Long current = levels.get(item);
      String problem = current == null ? "INVALID_INVENTORY_ITEM"
          : !ShopifyStandIn.LOCATION.equals(q.getString("locationId")) ? "ITEM_NOT_STOCKED_AT_LOCATION"
          : !q.containsKey("changeFromQuantity") ? "COMPARE_QUANTITY_REQUIRED"
          : !q.isNull("changeFromQuantity") && q.getJsonNumber("changeFromQuantity").longValue() != current
              ? "CHANGE_FROM_QUANTITY_STALE" : null;
      if (problem == null) {
        changes.put(item, q.getJsonNumber("quantity").longValue());
      } else {
        String field = problem.startsWith("CHANGE") || problem.startsWith("COMPARE") ? "changeFromQuantity"
            : problem.equals("INVALID_INVENTORY_ITEM") ? "inventoryItemId" : "locationId";
        errors.add(JsonP.createObjectBuilder().add("field", JsonP.createArrayBuilder().add("input").add("quantities")
            .add(Integer.toString(i)).add(field)).add("message", message(problem)).add("code", problem));
      }
    }
    var userErrors = errors.build();
    if (!userErrors.isEmpty()) {
      return JsonP.createObjectBuilder().add("inventoryAdjustmentGroup", JsonValue.NULL).add("userErrors", userErrors);
    }
    levels.putAll(changes);
    return JsonP.createObjectBuilder().add("inventoryAdjustmentGroup", JsonP.createObjectBuilder()
        .add("id", "gid://shopify/InventoryAdjustmentGroup/" + groups.incrementAndGet()))
        .add("userErrors", JsonP.createArrayBuilder());
  }

  private static String message(String code) {
    return switch (code) {
      case "INVALID_INVENTORY_ITEM" -> "The specified inventory item could not be found.";
      case "ITEM_NOT_STOCKED_AT_LOCATION" -> "The specified inventory item is not stocked at the location.";
      case "COMPARE_QUANTITY_REQUIRED" -> "The changeFromQuantity argument must be given to each quantity.";
      default -> "The changeFromQuantity value does not match persisted value.";
    };
  }
}
