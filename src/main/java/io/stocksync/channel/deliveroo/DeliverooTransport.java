package io.stocksync.channel.deliveroo;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.Credentials;
import io.stocksync.channel.push.CredentialsRejectedException;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.channel.push.PushOutcomes;
import io.stocksync.platform.json.JsonP;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Deliveroo Menu API over HTTP: {@code POST /menu/v2/brands/{brand}/sites/{site}/menu/item_unavailabilities},
 * one call per site (and per 100 items), paced at Deliveroo's limit of one call per 100 ms per site. Deliveroo fails
 * the whole call when one item id is unknown, so those items come back FAILED together.
 */
@Dependent
public class DeliverooTransport {

  static final int BATCH = 100;
  static final String FORMAT = "brand_id:client_id:client_secret";
  private static final long SITE_PACE_MILLIS = 100;

  private final ChannelHttp http;
  private final DeliverooTokens tokens;

  @Inject
  public DeliverooTransport(ChannelHttp http, @ConfigProperty(name = "stocksync.channel.deliveroo.token-url",
      defaultValue = "https://auth.developers.deliveroo.com/oauth2/token") String tokenUrl) {
    this.http = http;
    this.tokens = new DeliverooTokens(http, URI.create(tokenUrl));
  }

  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    var account = Credentials.parts(endpoint.credentials(), 3, FORMAT);
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    var bySite = pushes.stream().filter(p -> p.externalLocationId() != null && !p.externalLocationId().isBlank())
        .collect(Collectors.groupingBy(LevelPush::externalLocationId, LinkedHashMap::new, Collectors.toList()));
    pushes.stream().filter(p -> !bySite.containsKey(p.externalLocationId())).forEach(p -> outcomes.put(
        p.externalId(), PushOutcomes.failed(null, "Deliveroo needs the site id (externalLocationId)")));
    for (var site : bySite.entrySet()) {
      var slices = PushOutcomes.slices(site.getValue(), BATCH);
      for (int i = 0; i < slices.size(); i++) {
        if (i > 0) {
          pause();
        }
        outcomes.putAll(pushSlice(endpoint, account, site.getKey(), slices.get(i)));
      }
    }
    return outcomes;
  }

  private Map<String, PushOutcome> pushSlice(ChannelEndpoint endpoint, String[] account, String site,
      List<LevelPush> slice) {
    var items = JsonP.createArrayBuilder();
    slice.forEach(p -> items.add(JsonP.createObjectBuilder().add("item_id", p.externalId())
        .add("status", p.level() <= 0 ? "unavailable" : "available")));
    var body = JsonP.createObjectBuilder().add("item_unavailabilities", items).build().toString();
    var path = "/menu/v2/brands/" + account[0] + "/sites/" + site + "/menu/item_unavailabilities";
    var reply = send(endpoint, account, path, body, true);
    return reply.ok() ? slice.stream().collect(Collectors.toMap(LevelPush::externalId,
        p -> PushOutcome.pushed(reply.status()), (a, b) -> b, LinkedHashMap::new))
        : PushOutcomes.allFailed(slice, reply.status(), "HTTP " + reply.status() + ": " + reply.body());
  }

  private ChannelHttp.Reply send(ChannelEndpoint endpoint, String[] account, String path, String body,
      boolean mayRenewToken) {
    String cacheKey = endpoint.channelId() + ":" + account[1];
    var request = http.request(ChannelHttp.uri(endpoint.baseUrl(), path))
        .header("Authorization", Credentials.bearer(tokens.token(cacheKey, account[1], account[2])))
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build();
    try {
      return http.send(request, "Deliveroo item unavailabilities");
    } catch (CredentialsRejectedException e) {
      tokens.forget(cacheKey);
      if (e.httpStatus() != null && e.httpStatus() == 401 && mayRenewToken) {
        return send(endpoint, account, path, body, false);
      }
      throw e;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(SITE_PACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelCallException("Deliveroo push interrupted", null, null, e);
    }
  }
}
