package io.stocksync.channel.woocommerce;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.Credentials;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.channel.push.PushOutcomes;
import io.stocksync.platform.json.JsonP;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** WooCommerce REST API v3 over HTTP: {@code POST products/batch} (100 updates a call) and the products list. */
@Dependent
public class WooCommerceTransport {

  static final int BATCH = 100;
  private static final String FORMAT = "consumer key:consumer secret (ck_…:cs_…)";

  private final ChannelHttp http;
  private final Duration requestTimeout;

  /** A batch of 100 is 100 product saves in PHP: allow it longer than the shared default. */
  @Inject
  public WooCommerceTransport(ChannelHttp http,
      @ConfigProperty(name = "stocksync.channel.woocommerce.request-timeout", defaultValue = "PT30S")
      Duration requestTimeout) {
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    var valid = new ArrayList<LevelPush>();
    for (var p : pushes) {
      if (p.externalId().matches("\\d+")) {
        valid.add(p);
      } else {
        outcomes.put(p.externalId(), PushOutcomes.failed(null, "not a WooCommerce product id"));
      }
    }
    for (var slice : PushOutcomes.slices(valid, BATCH)) {
      outcomes.putAll(pushSlice(endpoint, slice));
    }
    return outcomes;
  }

  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    var levels = new HashMap<String, Long>();
    var ids = externalIds.stream().filter(id -> id.matches("\\d+")).toList();
    for (var slice : PushOutcomes.slices(ids, BATCH)) {
      var path = "/wp-json/wc/v3/products?per_page=" + BATCH + "&_fields=id,manage_stock,stock_quantity&include="
          + String.join(",", slice);
      var reply = http.send(authorized(endpoint, path).GET().build(), "WooCommerce products list");
      if (!reply.ok()) {
        throw new ChannelCallException("WooCommerce products list: HTTP " + reply.status(), reply.status(), null,
            null);
      }
      for (var product : reply.json().asJsonArray().getValuesAs(JsonObject.class)) {
        if (product.getBoolean("manage_stock", false)
            && product.get("stock_quantity") instanceof JsonNumber n) {
          levels.put(String.valueOf(product.getJsonNumber("id").longValue()), n.longValue());
        }
      }
    }
    return levels;
  }

  private Map<String, PushOutcome> pushSlice(ChannelEndpoint endpoint, List<LevelPush> slice) {
    var update = JsonP.createArrayBuilder();
    slice.forEach(p -> update.add(JsonP.createObjectBuilder().add("id", Long.parseLong(p.externalId()))
        .add("manage_stock", true).add("stock_quantity", p.level())));
    var body = JsonP.createObjectBuilder().add("update", update).build();
    var reply = http.send(authorized(endpoint, "/wp-json/wc/v3/products/batch")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body.toString())).build(),
        "WooCommerce products batch");
    if (!reply.ok()) {
      return PushOutcomes.allFailed(slice, reply.status(), "HTTP " + reply.status() + ": " + reply.body());
    }
    var answered = answeredItems(reply.object());
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    for (var p : slice) {
      var item = answered.get(Long.parseLong(p.externalId()));
      outcomes.put(p.externalId(), item == null ? PushOutcomes.failed(reply.status(), "no answer for this item")
          : item.containsKey("error") ? itemError(item.getJsonObject("error")) : PushOutcome.pushed(reply.status()));
    }
    return outcomes;
  }

  /** Current WooCommerce answers inside "update"; older versions put failed items at the top level. */
  private static Map<Long, JsonObject> answeredItems(JsonObject answer) {
    var items = new ArrayList<JsonObject>();
    answer.forEach((key, value) -> {
      if ("update".equals(key) && value.getValueType() == JsonValue.ValueType.ARRAY) {
        items.addAll(value.asJsonArray().getValuesAs(JsonObject.class));
      } else if (key.matches("\\d+") && value.getValueType() == JsonValue.ValueType.OBJECT) {
        items.add(value.asJsonObject());
      }
    });
    return items.stream().filter(i -> i.get("id") instanceof JsonNumber)
        .collect(Collectors.toMap(i -> i.getJsonNumber("id").longValue(), i -> i, (a, b) -> b));
  }

  private static PushOutcome itemError(JsonObject error) {
    var data = error.get("data");
    Integer status = data instanceof JsonObject d && d.get("status") instanceof JsonNumber n
        ? n.intValue() : 400;
    return PushOutcomes.failed(status, error.getString("code", "") + ": " + error.getString("message", ""));
  }

  private HttpRequest.Builder authorized(ChannelEndpoint endpoint, String path) {
    var keySecret = Credentials.parts(endpoint.credentials(), 2, FORMAT);
    return http.request(ChannelHttp.uri(endpoint.baseUrl(), path)).timeout(requestTimeout)
        .header("Authorization", Credentials.basic(keySecret[0], keySecret[1]));
  }
}
