package io.stocksync.channel.push;

import io.stocksync.platform.json.JsonP;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one HTTP client all channel transports share, and the mapping of whole-call failures every vendor has in
 * common: unreachable, timed out, 5xx (retryable), 429 or 503 + Retry-After (rate-limited), 401/403 (credentials).
 * 2xx and the other 4xx come back as a {@link Reply} for the transport to map per item. Requests carry credentials in
 * headers only, and no header is ever logged or put into an exception message.
 */
@ApplicationScoped
public class ChannelHttp {

  @Inject
  @ConfigProperty(name = "stocksync.channel.http.connect-timeout", defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "stocksync.channel.http.request-timeout", defaultValue = "PT10S")
  Duration requestTimeout;

  private HttpClient client;

  protected ChannelHttp() {}

  public ChannelHttp(Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    init();
  }

  @PostConstruct
  void init() {
    client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A request with our timeout and JSON accept header; the transport adds method, body and credentials. */
  public HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json")
        .header("User-Agent", "stocksync");
  }

  /** The channel's base URL (with or without a trailing slash) joined with an API path. */
  public static URI uri(String baseUrl, String path) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new ChannelCallException("the channel has no API base URL", null, null, null);
    }
    return URI.create(baseUrl.replaceAll("/+$", "") + path);
  }

  public Reply send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChannelCallException(what + ": " + e.getClass().getSimpleName(), null, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelCallException(what + ": interrupted", null, null, e);
    }
    var reply = new Reply(response.statusCode(), response.body(), response.headers());
    failWhole(reply, what);
    return reply;
  }

  private static void failWhole(Reply reply, String what) {
    int status = reply.status();
    var retryAfter = reply.headers().firstValue("Retry-After");
    if (status == 429 || status == 503 && retryAfter.isPresent()) {
      throw new RateLimitedException(what + ": HTTP " + status, status, RetryAfter.parse(retryAfter.orElse(null)));
    }
    if (status == 401 || status == 403) {
      throw new CredentialsRejectedException(what + ": HTTP " + status + ", credentials rejected", status);
    }
    if (status >= 500 || status == 408) {
      throw new ChannelCallException(what + ": HTTP " + status, status, null, null);
    }
  }

  /** A vendor's answer that concerns the items (2xx or an item-level 4xx). */
  public record Reply(int status, String body, HttpHeaders headers) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body as JSON; a body that is not JSON (a proxy's error page, say) fails the whole call. */
    public JsonValue json() {
      try (var reader = JsonP.createReader(new StringReader(body == null || body.isBlank() ? "null" : body))) {
        return reader.readValue();
      } catch (JsonException e) {
        throw new ChannelCallException("unreadable answer (HTTP " + status + ")", status, null, e);
      }
    }

    public JsonObject object() {
      var value = json();
      if (value instanceof JsonObject o) {
        return o;
      }
      throw new ChannelCallException("expected a JSON object (HTTP " + status + ")", status, null, null);
    }
  }
}
