package io.stocksync.channel.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Shopify's Admin GraphQL API ({@code POST /admin/api/{version}/graphql.json}, {@code X-Shopify-Access-Token}):
 * {@code inventorySetQuantities} as of 2026-04 (changeFromQuantity compare-and-set, all-or-nothing, a mandatory
 * {@code @idempotent} key whose answer is replayed) and the {@code nodes(ids:)} inventory level query. One location.
 */
public class ShopifyStandIn extends StandIn {

  public static final String TOKEN = "shpat_standin";
  public static final String LOCATION = "gid://shopify/Location/7001";
  private static final Pattern PATH = Pattern.compile("/admin/api/\\d{4}-\\d{2}/graphql\\.json");
  private static final Pattern IDEMPOTENT = Pattern.compile("@idempotent\\(key:\\s*\"([^\"]+)\"\\)");

  private final AtomicInteger throttled = new AtomicInteger();
  private final Map<String, JsonObject> answeredKeys = new ConcurrentHashMap<>();
  private final AtomicInteger groups = new AtomicInteger();

  /** The next {@code times} calls answer 200 with a THROTTLED error, as the GraphQL API does. */
  public void answerThrottled(int times) {
    throttled.set(times);
  }

  @Override
  public void reset() {
    super.reset();
    throttled.set(0);
    answeredKeys.clear();
  }

  @Override
  protected String key(String externalId) {
    return externalId.startsWith("gid://") ? externalId : "gid://shopify/InventoryItem/" + externalId;
  }

  @Override
  protected boolean authorized(Request request) {
    return TOKEN.equals(request.getHeader("X-Shopify-Access-Token"));
  }

  @Override
  protected ResponseDefinition unauthorized() {
    return json(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
  }

  @Override
  protected boolean isWrite(Request request) {
    return request.getBodyAsString().contains("inventorySetQuantities");
  }

  @Override
  protected ResponseDefinition rateLimited(String retryAfter) {
    var answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":\"Exceeded 2 calls per second for api client. Reduce request rates to resume"
            + " uninterrupted service.\"}");
    return (retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter)).build();
  }

  @Override
  protected ResponseDefinition serverError() {
    return json(502, "{\"errors\":\"Bad Gateway\"}");
  }

  @Override
  protected ResponseDefinition handle(Request request) {
    if (!"POST".equals(request.getMethod().getName()) || !PATH.matcher(path(request)).matches()) {
      return json(404, "{\"errors\":\"Not Found\"}");
    }
    var document = parse(request).asJsonObject();
    var query = document.getString("query");
    if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return json(200, JsonP.createObjectBuilder().add("errors", JsonP.createArrayBuilder().add(JsonP
          .createObjectBuilder().add("message", "Throttled").add("extensions", JsonP.createObjectBuilder()
              .add("code", "THROTTLED").add("documentation", "https://shopify.dev/api/usage/rate-limits"))))
          .add("extensions", cost(250, 50)).build());
    }
    if (query.contains("inventorySetQuantities")) {
      return setQuantities(query, document.getJsonObject("variables").getJsonObject("input"));
    }
    return levels(document.getJsonObject("variables").getJsonArray("ids"));
  }

  private ResponseDefinition setQuantities(String query, JsonObject input) {
    var key = IDEMPOTENT.matcher(query);
    if (!key.find()) {
      return json(200, "{\"errors\":[{\"message\":\"The @idempotent directive is required for this mutation.\","
          + "\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}");
    }
    var replay = answeredKeys.get(key.group(1));
    if (replay != null) {
      return json(200, replay);
    }
    var answer = JsonP.createObjectBuilder().add("data", JsonP.createObjectBuilder().add("inventorySetQuantities",
        ShopifyMutation.apply(input, levels, groups))).add("extensions", cost(10, 990)).build();
    answeredKeys.put(key.group(1), answer);
    return json(200, answer);
  }

  private ResponseDefinition levels(JsonArray ids) {
    JsonArrayBuilder nodes = JsonP.createArrayBuilder();
    for (var id : ids.getValuesAs(JsonString.class)) {
      Long level = levels.get(id.getString());
      if (level == null) {
        nodes.add(JsonValue.NULL);
        continue;
      }
      var quantities = JsonP.createArrayBuilder().add(JsonP.createObjectBuilder().add("name", "available")
          .add("quantity", level));
      nodes.add(JsonP.createObjectBuilder().add("id", id.getString()).add("inventoryLevels", JsonP.createObjectBuilder()
          .add("nodes", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
              .add("location", JsonP.createObjectBuilder().add("id", LOCATION)).add("quantities", quantities)))));
    }
    return json(200, JsonP.createObjectBuilder().add("data", JsonP.createObjectBuilder().add("nodes", nodes))
        .add("extensions", cost(ids.size() + 2, 900)).build());
  }

  private static JsonObject cost(int requested, int available) {
    return JsonP.createObjectBuilder().add("cost", JsonP.createObjectBuilder().add("requestedQueryCost", requested)
        .add("actualQueryCost", available < requested ? JsonValue.NULL : JsonP.createValue(requested))
        .add("throttleStatus", JsonP.createObjectBuilder().add("maximumAvailable", 2000.0)
            .add("currentlyAvailable", available).add("restoreRate", 100.0))).build();
  }
}
