package io.stocksync.channel.shopify;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.channel.push.PushOutcomes;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shopify's Admin GraphQL API over HTTP: {@code inventorySetQuantities} with compare-and-set, and inventory levels read
 * by inventory item ids. The mutation is all-or-nothing, so when some items are refused (a stale compare quantity,
 * an unknown item) the others are sent again without them, at most {@link #ROUNDS} times.
 */
@Dependent
public class ShopifyTransport {

  static final String API_VERSION = "2026-04";
  static final int BATCH = 100;
  private static final int ROUNDS = 3;

  private final ChannelHttp http;

  @Inject
  public ShopifyTransport(ChannelHttp http) {
    this.http = http;
  }

  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    var located = new ArrayList<LevelPush>();
    for (var p : pushes) {
      if (p.externalLocationId() == null || p.externalLocationId().isBlank()) {
        outcomes.put(p.externalId(), PushOutcomes.failed(null, "Shopify needs the location id (externalLocationId)"));
      } else {
        located.add(p);
      }
    }
    for (var slice : PushOutcomes.slices(located, BATCH)) {
      var conflicts = new ArrayList<LevelPush>();
      pushSlice(endpoint, new ArrayList<>(slice), outcomes, conflicts);
      settleConflicts(endpoint, conflicts, outcomes);
    }
    return outcomes;
  }

  /**
   * Reads the "available" quantity of each item, summed over its locations: the contract has no location here
   * (for a one-location shop this is the level we write).
   */
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    var levels = new HashMap<String, Long>();
    for (var slice : PushOutcomes.slices(externalIds, BATCH)) {
      var byItem = levelsByLocation(endpoint, slice);
      for (var id : slice) {
        var atLocations = byItem.get(ShopifyGraphql.gid("InventoryItem", id));
        if (atLocations != null) {
          levels.put(id, atLocations.values().stream().mapToLong(Long::longValue).sum());
        }
      }
    }
    return levels;
  }

  // A fresh idempotency key per request: the writes are absolute and compare-and-set, so a repeat cannot double
  // anything, while a key derived from the pushes could replay a failed attempt's answer.
  private void pushSlice(ChannelEndpoint endpoint, List<LevelPush> remaining, Map<String, PushOutcome> outcomes,
      List<LevelPush> conflicts) {
    for (int round = 0; round < ROUNDS && !remaining.isEmpty(); round++) {
      var answer = call(endpoint, ShopifyGraphql.setQuantities(remaining, UUID.randomUUID().toString()),
          "Shopify inventorySetQuantities");
      if (answer.refusal() != null) {
        outcomes.putAll(PushOutcomes.allFailed(remaining, 200, answer.refusal()));
        return;
      }
      var errors = answer.data().getJsonObject("inventorySetQuantities").getJsonArray("userErrors");
      if (errors.isEmpty()) {
        remaining.forEach(p -> outcomes.put(p.externalId(), PushOutcome.pushed(200)));
        return;
      }
      var refused = ShopifyUserErrors.sort(remaining, errors, outcomes, conflicts);
      if (refused.isEmpty()) {
        outcomes.putAll(PushOutcomes.allFailed(remaining, 200, errors.toString()));
        return;
      }
      remaining.removeAll(refused);
    }
    remaining.forEach(p -> outcomes.put(p.externalId(),
        PushOutcomes.failed(200, "not written: the batch was refused " + ROUNDS + " times")));
  }

  /** Reads what Shopify shows for the refused items; a conflict with our own level is a write that already landed. */
  private void settleConflicts(ChannelEndpoint endpoint, List<LevelPush> conflicts,
      Map<String, PushOutcome> outcomes) {
    if (conflicts.isEmpty()) {
      return;
    }
    Map<String, Map<String, Long>> shown;
    try {
      shown = levelsByLocation(endpoint, conflicts.stream().map(LevelPush::externalId).toList());
    } catch (ChannelCallException unreadable) {
      shown = Map.of();
    }
    for (var p : conflicts) {
      Long actual = shown.getOrDefault(ShopifyGraphql.gid("InventoryItem", p.externalId()), Map.of())
          .get(ShopifyGraphql.gid("Location", p.externalLocationId()));
      outcomes.put(p.externalId(), actual != null && actual == p.level() ? PushOutcome.pushed(200)
          : PushOutcomes.conflict(actual, 200, "Shopify changed since we last saw it (changeFromQuantity stale)"));
    }
  }

  private Map<String, Map<String, Long>> levelsByLocation(ChannelEndpoint endpoint, List<String> ids) {
    var answer = call(endpoint, ShopifyGraphql.levels(ids), "Shopify inventory levels");
    if (answer.refusal() != null) {
      throw new ChannelCallException("Shopify inventory levels refused: " + answer.refusal(), 200, null, null);
    }
    return ShopifyLevels.byLocation(answer.data());
  }

  private ShopifyGraphql.Answer call(ChannelEndpoint endpoint, JsonObject document, String what) {
    var request = http.request(ChannelHttp.uri(endpoint.baseUrl(), "/admin/api/" + API_VERSION + "/graphql.json"))
        .header("Content-Type", "application/json").header("X-Shopify-Access-Token", endpoint.credentials())
        .POST(BodyPublishers.ofString(document.toString())).build();
    return ShopifyGraphql.answer(http.send(request, what), what);
  }
}
