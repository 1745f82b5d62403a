package io.stocksync.channel.shopify;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.CredentialsRejectedException;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.RateLimitedException;
import io.stocksync.channel.push.RetryAfter;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The Admin GraphQL documents we send and the reading of Shopify's answers (errors, throttling, ids). */
final class ShopifyGraphql {

  // 2026-04: changeFromQuantity is the compare-and-set field, and @idempotent is mandatory on this mutation.
  private static final String SET = """
      mutation SetLevels($input: InventorySetQuantitiesInput!) {
        inventorySetQuantities(input: $input) @idempotent(key: "%s") {
          inventoryAdjustmentGroup { id }
          userErrors { field message code }
        }
      }""";

  private static final String LEVELS = """
      query Levels($ids: [ID!]!) {
        nodes(ids: $ids) {
          ... on InventoryItem {
            id
            inventoryLevels(first: 50) {
              nodes { location { id } quantities(names: ["available"]) { name quantity } }
            }
          }
        }
      }""";

  private ShopifyGraphql() {}

  /** An explicit null changeFromQuantity opts that item out of the check: we only do so when we know no level. */
  static JsonObject setQuantities(List<LevelPush> pushes, String idempotencyKey) {
    var quantities = JsonP.createArrayBuilder();
    for (var p : pushes) {
      quantities.add(JsonP.createObjectBuilder().add("inventoryItemId", gid("InventoryItem", p.externalId()))
          .add("locationId", gid("Location", p.externalLocationId())).add("quantity", p.level())
          .add("changeFromQuantity", p.expectedCurrent() == null ? JsonValue.NULL
              : JsonP.createValue(p.expectedCurrent())));
    }
    var input = JsonP.createObjectBuilder().add("name", "available").add("reason", "correction")
        .add("quantities", quantities);
    return document(SET.formatted(idempotencyKey), JsonP.createObjectBuilder().add("input", input).build());
  }

  static JsonObject levels(List<String> inventoryItemIds) {
    var ids = JsonP.createArrayBuilder();
    inventoryItemIds.forEach(id -> ids.add(gid("InventoryItem", id)));
    return document(LEVELS, JsonP.createObjectBuilder().add("ids", ids).build());
  }

  /** Shopify ids are gids; a mapping may hold the bare number (it exceeds 2^53, so it stays a string). */
  static String gid(String type, String id) {
    if (id == null) {
      return null;
    }
    return id.startsWith("gid://") ? id : "gid://shopify/" + type + "/" + id;
  }

  /** The {@code data} of an answer, or why Shopify refused the request as a whole. */
  record Answer(JsonObject data, String refusal) {}

  /** Throttling, a missing scope and Shopify's internal errors fail the whole call; other errors refuse it. */
  static Answer answer(ChannelHttp.Reply reply, String what) {
    if (!reply.ok()) {
      return new Answer(null, "HTTP " + reply.status() + ": " + reply.body());
    }
    var answer = reply.object();
    var errors = answer.get("errors");
    if (errors == null || errors.getValueType() != JsonValue.ValueType.ARRAY || errors.asJsonArray().isEmpty()) {
      return new Answer(answer.getJsonObject("data"), null);
    }
    var codes = errors.asJsonArray().stream().map(JsonValue::asJsonObject)
        .map(e -> e.containsKey("extensions") ? e.getJsonObject("extensions").getString("code", "") : "")
        .collect(Collectors.toSet());
    if (codes.contains("THROTTLED")) {
      throw new RateLimitedException(what + ": THROTTLED", reply.status(), throttleWait(answer));
    }
    if (codes.contains("ACCESS_DENIED")) {
      throw new CredentialsRejectedException(what + ": ACCESS_DENIED (missing scope?)", reply.status());
    }
    if (codes.contains("INTERNAL_SERVER_ERROR")) {
      throw new ChannelCallException(what + ": INTERNAL_SERVER_ERROR", reply.status(), null, null);
    }
    return new Answer(null, errors.toString());
  }

  /** Seconds until the leaky bucket holds the points the refused query asked for. */
  static Duration throttleWait(JsonObject answer) {
    try {
      var cost = answer.getJsonObject("extensions").getJsonObject("cost");
      var status = cost.getJsonObject("throttleStatus");
      double missing = cost.getJsonNumber("requestedQueryCost").doubleValue()
          - status.getJsonNumber("currentlyAvailable").doubleValue();
      double rate = status.getJsonNumber("restoreRate").doubleValue();
      return missing > 0 && rate > 0 ? Duration.ofMillis((long) Math.ceil(missing / rate * 1000)) : RetryAfter.DEFAULT;
    } catch (RuntimeException incomplete) {
      return RetryAfter.DEFAULT;
    }
  }

  private static JsonObject document(String query, JsonObject variables) {
    return JsonP.createObjectBuilder().add("query", query).add("variables", variables).build();
  }
}
