package io.stocksync.channel.generic;

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
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The generic stock API (see package-info) over HTTP. */
@Dependent
public class GenericTransport {

  static final int BATCH = 100;

  private final ChannelHttp http;

  @Inject
  public GenericTransport(ChannelHttp http) {
    this.http = http;
  }

  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    for (var slice : PushOutcomes.slices(pushes, BATCH)) {
      outcomes.putAll(pushSlice(endpoint, slice));
    }
    return outcomes;
  }

  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    var levels = new HashMap<String, Long>();
    for (var slice : PushOutcomes.slices(externalIds, BATCH)) {
      var query = slice.stream().map(id -> "externalId=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      var reply = http.send(authorized(endpoint, "/stock?" + query).GET().build(), "generic stock read");
      if (!reply.ok()) {
        throw new ChannelCallException("generic stock read: HTTP " + reply.status(), reply.status(), null, null);
      }
      for (var item : reply.json().asJsonArray().getValuesAs(JsonObject.class)) {
        levels.put(item.getString("externalId"), item.getJsonNumber("level").longValue());
      }
    }
    return levels;
  }

  private Map<String, PushOutcome> pushSlice(ChannelEndpoint endpoint, List<LevelPush> slice) {
    var items = JsonP.createArrayBuilder();
    slice.forEach(p -> items.add(JsonP.createObjectBuilder().add("externalId", p.externalId()).add("level", p.level())));
    var reply = http.send(authorized(endpoint, "/stock").header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey(slice)).PUT(BodyPublishers.ofString(items.build().toString()))
        .build(), "generic stock write");
    if (!reply.ok()) {
      return PushOutcomes.allFailed(slice, reply.status(), "HTTP " + reply.status() + ": " + reply.body());
    }
    var results = new HashMap<String, JsonObject>();
    if (reply.status() != 204 && reply.json() instanceof JsonObject answer && answer.containsKey("results")) {
      answer.getJsonArray("results").getValuesAs(JsonObject.class)
          .forEach(r -> results.put(r.getString("externalId"), r));
    } else {
      slice.forEach(p -> results.put(p.externalId(), JsonP.createObjectBuilder().add("status", "ok").build()));
    }
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    for (var p : slice) {
      var result = results.get(p.externalId());
      outcomes.put(p.externalId(), result == null ? PushOutcomes.failed(reply.status(), "no result for this item")
          : "ok".equals(result.getString("status", "")) ? PushOutcome.pushed(reply.status())
          : PushOutcomes.failed(reply.status(), result.getString("error", "refused")));
    }
    return outcomes;
  }

  private static String idempotencyKey(List<LevelPush> slice) {
    var content = slice.stream().map(p -> p.idempotencyKey() != null ? p.idempotencyKey()
        : p.externalId() + "=" + p.level()).collect(Collectors.joining("\n"));
    return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private HttpRequest.Builder authorized(ChannelEndpoint endpoint, String path) {
    return http.request(ChannelHttp.uri(endpoint.baseUrl(), path))
        .header("Authorization", Credentials.bearer(endpoint.credentials()));
  }
}
