package io.stocksync.channel.square;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Square Inventory API request bodies and the reading of its answers (counts are decimal strings). */
final class SquarePayloads {

  private static final Pattern CHANGE_INDEX = Pattern.compile("changes\\[(\\d+)]");

  private SquarePayloads() {}

  /** reference_id ties each count to our push (its idempotency key), so a count on Square traces back to us. */
  static JsonObject batchCreate(List<LevelPush> pushes, SquareAttempts.Attempt attempt) {
    var changes = JsonP.createArrayBuilder();
    for (var p : pushes) {
      var count = JsonP.createObjectBuilder().add("catalog_object_id", p.externalId()).add("state", "IN_STOCK")
          .add("location_id", p.externalLocationId()).add("quantity", Long.toString(p.level()))
          .add("occurred_at", attempt.occurredAt().toString());
      if (p.idempotencyKey() != null) {
        count.add("reference_id", p.idempotencyKey());
      }
      changes.add(JsonP.createObjectBuilder().add("type", "PHYSICAL_COUNT").add("physical_count", count));
    }
    return JsonP.createObjectBuilder().add("idempotency_key", attempt.idempotencyKey()).add("changes", changes)
        .add("ignore_unchanged_counts", true).build();
  }

  static JsonObject retrieveCounts(List<String> catalogObjectIds, String cursor) {
    var ids = JsonP.createArrayBuilder();
    catalogObjectIds.forEach(ids::add);
    var body = JsonP.createObjectBuilder().add("catalog_object_ids", ids)
        .add("states", JsonP.createArrayBuilder().add("IN_STOCK"));
    if (cursor != null) {
      body.add("cursor", cursor);
    }
    return body.build();
  }

  /** IN_STOCK counts of an answer, keyed by catalog object id + "@" + location id. */
  static Map<String, Long> inStock(JsonObject answer) {
    var counts = new HashMap<String, Long>();
    for (var c : answer.getJsonArray("counts") == null ? List.<JsonObject>of()
        : answer.getJsonArray("counts").getValuesAs(JsonObject.class)) {
      if ("IN_STOCK".equals(c.getString("state", ""))) {
        counts.put(c.getString("catalog_object_id") + "@" + c.getString("location_id"),
            new BigDecimal(c.getString("quantity", "0")).longValue());
      }
    }
    return counts;
  }

  /** The errors of a refused request that name one change ("changes[3]…" in field or detail), by index. */
  static Map<Integer, String> errorsByChange(ChannelHttp.Reply reply) {
    var byIndex = new HashMap<Integer, String>();
    JsonObject answer;
    try {
      answer = reply.object();
    } catch (ChannelCallException notJson) {
      return byIndex;
    }
    for (var e : answer.getJsonArray("errors") == null ? List.<JsonObject>of()
        : answer.getJsonArray("errors").getValuesAs(JsonObject.class)) {
      var m = CHANGE_INDEX.matcher(e.getString("field", "") + " " + e.getString("detail", ""));
      if (m.find()) {
        byIndex.put(Integer.parseInt(m.group(1)), summary(e));
      }
    }
    return byIndex;
  }

  static String summary(JsonObject error) {
    return error.getString("code", "") + ": " + error.getString("detail", "");
  }
}
