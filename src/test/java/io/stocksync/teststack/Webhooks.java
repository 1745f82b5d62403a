package io.stocksync.teststack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/** Posts a channel's webhook, exact bytes and vendor headers, to the intake endpoint (no bearer token). */
public final class Webhooks {

  private final Api api;
  private final URI base;

  public Webhooks(URI base) {
    this.base = base;
    this.api = new Api(base);
  }

  /** The address a vendor posts to, which Square also signs. */
  public String url(String channelId) {
    return base.resolve("api/v1/webhooks/" + channelId).toString();
  }

  public Api.Response post(String channelId, Map<String, String> headers, byte[] body) {
    var request = api.request("api/v1/webhooks/" + channelId).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (!headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    return api.send(request);
  }
}
