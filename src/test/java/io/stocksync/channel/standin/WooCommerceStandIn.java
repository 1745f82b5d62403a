package io.stocksync.channel.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * WooCommerce REST API v3 ({@code /wp-json/wc/v3}, HTTP Basic with consumer key and secret):
 * {@code POST products/batch} (at most 100 items, 413 above, per-item errors inside "update") and
 * {@code GET products?include=…}. Products are simple products with managed stock.
 */
public class WooCommerceStandIn extends StandIn {

  public static final String KEY = "ck_standin";
  public static final String SECRET = "cs_standin";
  private static final String BATCH = "/wp-json/wc/v3/products/batch";

  public static String credentials() {
    return KEY + ":" + SECRET;
  }

  @Override
  protected boolean authorized(Request request) {
    var expected = "Basic " + Base64.getEncoder().encodeToString(credentials().getBytes(StandardCharsets.UTF_8));
    return expected.equals(request.getHeader("Authorization"));
  }

  @Override
  protected ResponseDefinition unauthorized() {
    return error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
  }

  @Override
  protected boolean isWrite(Request request) {
    return BATCH.equals(path(request));
  }

  @Override
  protected ResponseDefinition rateLimited(String retryAfter) {
    var answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody(errorBody(429, "too_many_requests", "Too many requests.").build().toString());
    return (retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter)).build();
  }

  @Override
  protected ResponseDefinition serverError() {
    return error(500, "internal_server_error", "<p>There has been a critical error on this website.</p>");
  }

  @Override
  protected ResponseDefinition handle(Request request) {
    var method = request.getMethod().getName();
    if ("POST".equals(method) && BATCH.equals(path(request))) {
      return batch(parse(request).asJsonObject());
    }
    if ("GET".equals(method) && "/wp-json/wc/v3/products".equals(path(request))) {
      return list(request);
    }
    return error(404, "rest_no_route", "No route was found matching the URL and request method.");
  }

  private ResponseDefinition batch(JsonObject body) {
    var updates = body.getJsonArray("update");
    if (updates.size() > 100) {
      return error(413, "woocommerce_rest_request_entity_too_large",
          "Unable to accept more than 100 items for this request.");
    }
    var answered = JsonP.createArrayBuilder();
    for (var u : updates.getValuesAs(JsonObject.class)) {
      String id = Long.toString(u.getJsonNumber("id").longValue());
      if (!levels.containsKey(id)) {
        answered.add(JsonP.createObjectBuilder().add("id", Long.parseLong(id)).add("error",
            errorBody(400, "woocommerce_rest_product_invalid_id", "Invalid ID.")));
        continue;
      }
      if (u.getBoolean("manage_stock", false) && u.containsKey("stock_quantity")) {
        levels.put(id, u.getJsonNumber("stock_quantity").longValue());
      }
      answered.add(product(id));
    }
    return json(200, JsonP.createObjectBuilder().add("update", answered).build());
  }

  private ResponseDefinition list(Request request) {
    var query = request.getUrl().substring(request.getUrl().indexOf('?') + 1);
    var include = Arrays.stream(query.split("&")).filter(p -> p.startsWith("include=")).findFirst()
        .map(p -> p.substring("include=".length()).split(",|%2C")).orElse(new String[0]);
    var products = JsonP.createArrayBuilder();
    Arrays.stream(include).filter(levels::containsKey).limit(100).forEach(id -> products.add(product(id)));
    return json(200, products.build());
  }

  private JsonObjectBuilder product(String id) {
    long stock = levels.get(id);
    return JsonP.createObjectBuilder().add("id", Long.parseLong(id)).add("name", "Product " + id)
        .add("type", "simple").add("manage_stock", true).add("stock_quantity", stock)
        .add("stock_status", stock > 0 ? "instock" : "outofstock");
  }

  private static ResponseDefinition error(int status, String code, String message) {
    return json(status, errorBody(status, code, message).build());
  }

  private static JsonObjectBuilder errorBody(int status, String code, String message) {
    return JsonP.createObjectBuilder().add("code", code).add("message", message)
        .add("data", JsonP.createObjectBuilder().add("status", status));
  }
}
