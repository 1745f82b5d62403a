package io.stocksync.channel.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.stocksync.platform.json.JsonP;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A system that speaks our generic stock API (see io.stocksync.channel.generic): {@code PUT /stock} with per-item
 * results, {@code GET /stock?externalId=…}, Bearer token, at most 100 items a call.
 */
public class GenericStandIn extends StandIn {

  public static final String TOKEN = "generic-standin-token";

  private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

  /** The Idempotency-Key of each write received, in order. */
  public List<String> idempotencyKeys() {
    return List.copyOf(idempotencyKeys);
  }

  @Override
  public void reset() {
    super.reset();
    idempotencyKeys.clear();
  }

  @Override
  protected boolean authorized(Request request) {
    return ("Bearer " + TOKEN).equals(request.getHeader("Authorization"));
  }

  @Override
  protected ResponseDefinition unauthorized() {
    return json(401, "{\"error\":\"invalid token\"}");
  }

  @Override
  protected boolean isWrite(Request request) {
    return "PUT".equals(request.getMethod().getName());
  }

  @Override
  protected ResponseDefinition rateLimited(String retryAfter) {
    var answer = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"slow down\"}");
    return (retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter)).build();
  }

  @Override
  protected ResponseDefinition serverError() {
    return json(500, "{\"error\":\"internal\"}");
  }

  @Override
  protected ResponseDefinition handle(Request request) {
    if (!"/stock".equals(path(request))) {
      return json(404, "{\"error\":\"not found\"}");
    }
    if ("GET".equals(request.getMethod().getName())) {
      return read(request.getUrl());
    }
    idempotencyKeys.add(request.getHeader("Idempotency-Key"));
    var items = parse(request).asJsonArray().getValuesAs(JsonObject.class);
    if (items.size() > 100) {
      return json(413, "{\"error\":\"at most 100 items a call\"}");
    }
    var results = JsonP.createArrayBuilder();
    for (var item : items) {
      var id = item.getString("externalId");
      if (levels.containsKey(id)) {
        levels.put(id, item.getJsonNumber("level").longValue());
        results.add(JsonP.createObjectBuilder().add("externalId", id).add("status", "ok"));
      } else {
        results.add(JsonP.createObjectBuilder().add("externalId", id).add("status", "error")
            .add("error", "unknown item"));
      }
    }
    return json(200, JsonP.createObjectBuilder().add("results", results).build());
  }

  private ResponseDefinition read(String url) {
    var answer = JsonP.createArrayBuilder();
    Arrays.stream(url.substring(url.indexOf('?') + 1).split("&")).filter(p -> p.startsWith("externalId="))
        .map(p -> URLDecoder.decode(p.substring("externalId=".length()), StandardCharsets.UTF_8))
        .filter(levels::containsKey)
        .forEach(id -> answer.add(JsonP.createObjectBuilder().add("externalId", id).add("level", levels.get(id))));
    return json(200, answer.build());
  }
}
