package io.stocksync.channel.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Deliveroo's auth server ({@code POST /oauth2/token}, client credentials, 300 s tokens) and Menu API
 * ({@code POST /menu/v2/brands/{brand}/sites/{site}/menu/item_unavailabilities}, Bearer token; one unknown item id
 * fails the whole call with 404). Levels hold availability: 0 = unavailable, 1 = available.
 */
public class DeliverooStandIn extends StandIn {

  public static final String BRAND = "gb-brand-1";
  public static final String SITE = "gb-site-1";
  public static final String CLIENT_ID = "standin-client";
  public static final String CLIENT_SECRET = "standin-secret";
  private static final Pattern ITEMS =
      Pattern.compile("/menu/v2/brands/([^/]+)/sites/([^/]+)/menu/item_unavailabilities");

  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokenCalls = new AtomicInteger();

  public static String credentials() {
    return BRAND + ":" + CLIENT_ID + ":" + CLIENT_SECRET;
  }

  public String tokenUrl() {
    return baseUrl() + "/oauth2/token";
  }

  /** "available" or "unavailable" (null for an item not on the menu). */
  public String status(String itemId) {
    var level = level(itemId);
    return level == null ? null : level == 0 ? "unavailable" : "available";
  }

  public int tokenCalls() {
    return tokenCalls.get();
  }

  /** Every token issued so far stops working (as after a credential rotation). */
  public void revokeTokens() {
    issued.clear();
  }

  @Override
  public void reset() {
    super.reset();
    issued.clear();
    tokenCalls.set(0);
  }

  @Override
  protected boolean authorized(Request request) {
    var auth = request.getHeader("Authorization");
    if ("/oauth2/token".equals(path(request))) {
      return true; // the token endpoint answers its own 400 invalid_client
    }
    return auth != null && auth.startsWith("Bearer ") && issued.contains(auth.substring(7));
  }

  @Override
  protected ResponseDefinition unauthorized() {
    return json(401, "{\"message\":\"Unauthorized\"}");
  }

  @Override
  protected boolean isWrite(Request request) {
    return ITEMS.matcher(path(request)).matches();
  }

  @Override
  protected ResponseDefinition rateLimited(String retryAfter) {
    var answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Too Many Requests\"}");
    return (retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter)).build();
  }

  @Override
  protected ResponseDefinition serverError() {
    return json(503, "{\"message\":\"Service Unavailable\"}");
  }

  @Override
  protected ResponseDefinition handle(Request request) {
    if ("/oauth2/token".equals(path(request))) {
      return token(request);
    }
    var m = ITEMS.matcher(path(request));
    if (!"POST".equals(request.getMethod().getName()) || !m.matches()) {
      return json(404, "{\"message\":\"Not Found\"}");
    }
    if (!BRAND.equals(m.group(1)) || !SITE.equals(m.group(2))) {
      return json(404, "{\"message\":\"Site not found for brand\"}");
    }
    var items = parse(request).asJsonObject().getJsonArray("item_unavailabilities").getValuesAs(JsonObject.class);
    var unknown = items.stream().map(i -> i.getString("item_id")).filter(id -> !levels.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      return json(404, "{\"message\":\"Items not found in menu: " + String.join(",", unknown) + "\"}");
    }
    for (var i : items) {
      var status = i.getString("status");
      if (!Set.of("available", "unavailable", "hidden").contains(status)) {
        return json(400, "{\"message\":\"invalid status " + status + "\"}");
      }
      levels.put(i.getString("item_id"), "available".equals(status) ? 1L : 0L);
    }
    return json(200, "{}");
  }

  private ResponseDefinition token(Request request) {
    tokenCalls.incrementAndGet();
    var basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(request.getHeader("Authorization"))
        || !request.getBodyAsString().contains("grant_type=client_credentials")) {
      return json(400, "{\"error\":\"invalid_client\"}");
    }
    var token = "eyJstandin." + tokenCalls.get();
    issued.add(token);
    return json(200, JsonP.createObjectBuilder().add("access_token", token).add("expires_in", 300)
        .add("token_type", "Bearer").build());
  }
}
