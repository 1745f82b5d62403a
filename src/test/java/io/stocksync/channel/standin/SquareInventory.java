package io.stocksync.channel.standin;

import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Square's inventory rules and payloads: validation of PHYSICAL_COUNT changes, resulting counts, paging. */
final class SquareInventory {

  private SquareInventory() {}

  /** Why Square would refuse these changes as a whole, or null. */
  static JsonObject refusal(JsonArray changes, Map<String, Long> levels, int max) {
    if (changes.size() > max) {
      return error("INVALID_REQUEST_ERROR", "ARRAY_LENGTH_TOO_LONG", "changes has more than " + max + " items.",
          "changes");
    }
    var errors = JsonP.createArrayBuilder();
    for (int i = 0; i < changes.size(); i++) {
      var count = changes.getJsonObject(i).getJsonObject("physical_count");
      String at = "changes[" + i + "].physical_count.";
      if (!"PHYSICAL_COUNT".equals(changes.getJsonObject(i).getString("type", "")) || count == null) {
        errors.add(item("INVALID_ENUM_VALUE", "Expected a PHYSICAL_COUNT change.", "changes[" + i + "].type"));
      } else if (!levels.containsKey(count.getString("catalog_object_id", ""))) {
        errors.add(item("NOT_FOUND", "Item variation not found.", at + "catalog_object_id"));
      } else if (!SquareStandIn.LOCATION.equals(count.getString("location_id", ""))) {
        errors.add(item("NOT_FOUND", "Location not found.", at + "location_id"));
      } else if (!"IN_STOCK".equals(count.getString("state", "")) || !count.containsKey("occurred_at")
          || !(count.get("quantity") instanceof JsonString)) {
        errors.add(item("INVALID_VALUE", "state, occurred_at and a decimal-string quantity are required.", at));
      }
    }
    var list = errors.build();
    return list.isEmpty() ? null : JsonP.createObjectBuilder().add("errors", list).build();
  }

  static JsonObject apply(JsonArray changes, Map<String, Long> levels) {
    var counts = JsonP.createArrayBuilder();
    var applied = JsonP.createArrayBuilder();
    for (var change : changes.getValuesAs(JsonObject.class)) {
      var count = change.getJsonObject("physical_count");
      String id = count.getString("catalog_object_id");
      levels.put(id, new BigDecimal(count.getString("quantity")).longValue());
      counts.add(count(id, levels.get(id)));
      applied.add(JsonP.createObjectBuilder().add("type", "PHYSICAL_COUNT").add("physical_count",
          JsonP.createObjectBuilder(count).add("id", UUID.randomUUID().toString()).add("catalog_object_type",
              "ITEM_VARIATION").add("created_at", Instant.now().toString())));
    }
    return JsonP.createObjectBuilder().add("counts", counts).add("changes", applied).build();
  }

  static JsonObject counts(JsonObject request, Map<String, Long> levels, int page) {
    var ids = request.getJsonArray("catalog_object_ids").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString).filter(levels::containsKey).toList();
    int from = request.containsKey("cursor") ? Integer.parseInt(request.getString("cursor")) : 0;
    JsonArrayBuilder counts = JsonP.createArrayBuilder();
    ids.subList(from, Math.min(ids.size(), from + page)).forEach(id -> counts.add(count(id, levels.get(id))));
    var answer = JsonP.createObjectBuilder().add("counts", counts);
    if (from + page < ids.size()) {
      answer.add("cursor", Integer.toString(from + page));
    }
    return answer.build();
  }

  static JsonObject error(String category, String code, String detail, String field) {
    var e = JsonP.createObjectBuilder().add("category", category).add("code", code).add("detail", detail);
    if (field != null) {
      e.add("field", field);
    }
    return JsonP.createObjectBuilder().add("errors", JsonP.createArrayBuilder().add(e)).build();
  }

  private static JsonObject item(String code, String detail, String field) {
    return error("INVALID_REQUEST_ERROR", code, detail, field).getJsonArray("errors").getJsonObject(0);
  }

  private static JsonObject count(String id, long quantity) {
    return JsonP.createObjectBuilder().add("catalog_object_id", id).add("catalog_object_type", "ITEM_VARIATION")
        .add("state", "IN_STOCK").add("location_id", SquareStandIn.LOCATION).add("quantity", Long.toString(quantity))
        .add("calculated_at", Instant.now().toString()).build();
  }
}
