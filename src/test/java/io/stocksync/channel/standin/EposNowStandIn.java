package io.stocksync.channel.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Epos Now REST API v4 (HTTP Basic with the API device's key and secret): {@code GET /api/v4/ProductStock} and
 * {@code GET /api/v4/ProductStock/Location/{id}} in pages of 200 rows ({@code ?page=N}, 1-based) with the stock in
 * {@code ProductStockBatches}, and {@code POST /api/v4/ProductStock/Add|Remove} with an array of
 * {@code {ProductId, LocationId, ChangeInStock}} (a row for a product the location does not stock refuses the whole
 * array with 400). Levels live per product and location; {@link #setLevel} and {@link #level} use {@link #LOCATION}.
 */
public class EposNowStandIn extends StandIn {

  public static final String KEY = "EPOSKEYSTANDIN";
  public static final String SECRET = "EPOSSECRETSTANDIN";
  public static final String LOCATION = "4101";
  public static final int PAGE = 200;
  private static final String STOCK = "/api/v4/ProductStock";

  private final Map<String, AtomicInteger> readsByLocation = new ConcurrentHashMap<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  public static String credentials() {
    return KEY + ":" + SECRET;
  }

  /** The level of a product at another location than {@link #LOCATION}. */
  public void setLevelAt(String productId, String locationId, long level) {
    levels.put(productId + "@" + locationId, level);
  }

  public Long levelAt(String productId, String locationId) {
    return levels.get(productId + "@" + locationId);
  }

  /** Adjustments of this product are refused with 400 (a product Epos Now will not take stock changes for). */
  public void refuse(String productId) {
    refused.add(productId);
  }

  /** Reads of one location's listing (one per page), to prove who is polled. */
  public int readsOf(String locationId) {
    var n = readsByLocation.get(locationId);
    return n == null ? 0 : n.get();
  }

  @Override
  public void reset() {
    super.reset();
    readsByLocation.clear();
    refused.clear();
  }

  @Override
  protected String key(String externalId) {
    return externalId + "@" + LOCATION;
  }

  @Override
  protected boolean authorized(Request request) {
    var expected = "Basic " + Base64.getEncoder().encodeToString(credentials().getBytes(StandardCharsets.UTF_8));
    return expected.equals(request.getHeader("Authorization"));
  }

  @Override
  protected ResponseDefinition unauthorized() {
    return message(401, "Authorization has been denied for this request.");
  }

  @Override
  protected boolean isWrite(Request request) {
    return "POST".equals(request.getMethod().getName());
  }

  @Override
  protected ResponseDefinition rateLimited(String retryAfter) {
    var answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody(JsonP.createObjectBuilder().add("Message", "API calls quota exceeded").build().toString());
    return (retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter)).build();
  }

  @Override
  protected ResponseDefinition serverError() {
    return message(500, "An error has occurred.");
  }

  @Override
  protected ResponseDefinition handle(Request request) {
    var method = request.getMethod().getName();
    var path = path(request);
    if ("GET".equals(method) && STOCK.equalsIgnoreCase(path)) {
      return list(request, null);
    }
    if ("GET".equals(method) && path.toLowerCase().startsWith((STOCK + "/Location/").toLowerCase())) {
      var location = path.substring(STOCK.length() + "/Location/".length());
      readsByLocation.computeIfAbsent(location, l -> new AtomicInteger()).incrementAndGet();
      return list(request, location);
    }
    if ("POST".equals(method) && (STOCK + "/Add").equalsIgnoreCase(path)) {
      return adjust(request, 1);
    }
    if ("POST".equals(method) && (STOCK + "/Remove").equalsIgnoreCase(path)) {
      return adjust(request, -1);
    }
    return message(404, "No HTTP resource was found that matches the request URI.");
  }

  private ResponseDefinition list(Request request, String location) {
    int page = 1;
    var query = request.getUrl().indexOf('?') < 0 ? "" : request.getUrl().substring(request.getUrl().indexOf('?') + 1);
    for (var param : query.split("&")) {
      if (param.toLowerCase().startsWith("page=")) {
        page = Integer.parseInt(param.substring("page=".length()));
      }
    }
    List<String> keys = new ArrayList<>(levels.keySet().stream()
        .filter(k -> location == null || k.endsWith("@" + location))
        .sorted(Comparator.comparing((String k) -> Long.parseLong(k.substring(0, k.indexOf('@'))))
            .thenComparing(k -> k))
        .toList());
    var rows = JsonP.createArrayBuilder();
    keys.stream().skip((long) (page - 1) * PAGE).limit(PAGE).forEach(k -> rows.add(row(k)));
    return json(200, rows.build());
  }

  private ResponseDefinition adjust(Request request, int sign) {
    var body = parse(request);
    JsonArray changes = body instanceof JsonArray a ? a : JsonP.createArrayBuilder().add(body).build();
    for (var change : changes.getValuesAs(JsonObject.class)) {
      if (!levels.containsKey(stockKey(change))) {
        return message(400, "Product " + change.getJsonNumber("ProductId") + " has no stock at location "
            + change.getJsonNumber("LocationId"));
      }
      if (refused.contains(change.getJsonNumber("ProductId").toString())) {
        return message(400, "Stock of product " + change.getJsonNumber("ProductId") + " cannot be changed");
      }
      if (change.getJsonNumber("ChangeInStock").longValue() <= 0) {
        return message(400, "ChangeInStock must be greater than zero");
      }
    }
    var answer = JsonP.createArrayBuilder();
    for (var change : changes.getValuesAs(JsonObject.class)) {
      var key = stockKey(change);
      levels.merge(key, sign * change.getJsonNumber("ChangeInStock").longValue(), Long::sum);
      answer.add(row(key));
    }
    return json(200, answer.build());
  }

  private static String stockKey(JsonObject change) {
    return change.getJsonNumber("ProductId").longValue() + "@" + change.getJsonNumber("LocationId").longValue();
  }

  private JsonObjectBuilder row(String key) {
    String product = key.substring(0, key.indexOf('@'));
    String location = key.substring(key.indexOf('@') + 1);
    long stock = levels.getOrDefault(key, 0L);
    return JsonP.createObjectBuilder().add("Id", Math.abs(key.hashCode())).add("ProductId", Long.parseLong(product))
        .add("LocationId", Long.parseLong(location)).add("MinStock", 0).add("MaxStock", 0).add("Alerts", false)
        .add("ProductStockBatches", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
            .add("Id", Math.abs(key.hashCode())).add("CurrentStock", stock).add("CostPrice", 0.0)));
  }

  private static ResponseDefinition message(int status, String message) {
    return json(status, JsonP.createObjectBuilder().add("Message", message).build());
  }
}
