package io.stocksync.channel.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Square's Inventory API (Bearer token): {@code POST /v2/inventory/changes/batch-create} (PHYSICAL_COUNT changes,
 * at most 100, all-or-nothing, idempotency_key replayed, a reused key with another body refused) and
 * {@code POST /v2/inventory/counts/batch-retrieve} (100 counts a page, cursor). Quantities are decimal strings.
 */
public class SquareStandIn extends StandIn {

  public static final String TOKEN = "EAAAEstandin";
  public static final String LOCATION = "L8STANDIN01";
  static final int PAGE = 100;

  private final Map<String, String[]> answeredKeys = new ConcurrentHashMap<>();
  private final List<JsonObject> batches = new CopyOnWriteArrayList<>();

  /** The batch-create bodies received, in order (to check idempotency keys and reference ids). */
  public List<JsonObject> batches() {
    return List.copyOf(batches);
  }

  @Override
  public void reset() {
    super.reset();
    answeredKeys.clear();
    batches.clear();
  }

  @Override
  protected boolean authorized(Request request) {
    return ("Bearer " + TOKEN).equals(request.getHeader("Authorization"));
  }

  @Override
  protected ResponseDefinition unauthorized() {
    return errors(401, "AUTHENTICATION_ERROR", "UNAUTHORIZED", "This request could not be authorized.", null);
  }

  @Override
  protected boolean isWrite(Request request) {
    return path(request).equals("/v2/inventory/changes/batch-create");
  }

  @Override
  protected ResponseDefinition rateLimited(String retryAfter) {
    var body = JsonP.createObjectBuilder().add("errors", JsonP.createArrayBuilder().add(JsonP.createObjectBuilder()
        .add("category", "RATE_LIMIT_ERROR").add("code", "RATE_LIMITED").add("detail", "Rate limit exceeded.")));
    var answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody(body.build().toString());
    return (retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter)).build();
  }

  @Override
  protected ResponseDefinition serverError() {
    return errors(500, "API_ERROR", "INTERNAL_SERVER_ERROR", "An internal error has occurred.", null);
  }

  @Override
  protected ResponseDefinition handle(Request request) {
    if (!"POST".equals(request.getMethod().getName())) {
      return errors(404, "INVALID_REQUEST_ERROR", "NOT_FOUND", "Resource not found.", null);
    }
    var body = parse(request).asJsonObject();
    return switch (path(request)) {
      case "/v2/inventory/changes/batch-create" -> batchCreate(body);
      case "/v2/inventory/counts/batch-retrieve" -> json(200, SquareInventory.counts(body, levels, PAGE));
      default -> errors(404, "INVALID_REQUEST_ERROR", "NOT_FOUND", "Resource not found.", null);
    };
  }

  private ResponseDefinition batchCreate(JsonObject body) {
    batches.add(body);
    String key = body.getString("idempotency_key", "");
    if (key.isEmpty() || key.length() > 128) {
      return errors(400, "INVALID_REQUEST_ERROR", "INVALID_VALUE", "idempotency_key is required.", "idempotency_key");
    }
    var earlier = answeredKeys.get(key);
    if (earlier != null) {
      return earlier[0].equals(body.getJsonArray("changes").toString()) ? json(200, earlier[1])
          : errors(400, "INVALID_REQUEST_ERROR", "IDEMPOTENCY_KEY_REUSED",
              "The idempotency key can only be retried with the same request data.", "idempotency_key");
    }
    var refusal = SquareInventory.refusal(body.getJsonArray("changes"), levels, PAGE);
    if (refusal != null) {
      return json(400, refusal);
    }
    var answer = SquareInventory.apply(body.getJsonArray("changes"), levels).toString();
    answeredKeys.put(key, new String[] {body.getJsonArray("changes").toString(), answer});
    return json(200, answer);
  }

  static ResponseDefinition errors(int status, String category, String code, String detail, String field) {
    return json(status, SquareInventory.error(category, code, detail, field));
  }
}
