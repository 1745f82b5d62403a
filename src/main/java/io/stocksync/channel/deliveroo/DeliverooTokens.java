package io.stocksync.channel.deliveroo;

import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.Credentials;
import io.stocksync.channel.push.CredentialsRejectedException;
import jakarta.json.JsonNumber;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth client-credentials access tokens for the Deliveroo API, cached per channel until shortly before they
 * expire (Deliveroo issues them for 300 s). Tokens are secrets: they never leave this class except in a header.
 */
final class DeliverooTokens {

  private static final long EARLY_SECONDS = 30;

  private record Token(String value, Instant expiresAt) {}

  private final ChannelHttp http;
  private final URI tokenUrl;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  DeliverooTokens(ChannelHttp http, URI tokenUrl) {
    this.http = http;
    this.tokenUrl = tokenUrl;
  }

  String token(String cacheKey, String clientId, String clientSecret) {
    var cached = cache.get(cacheKey);
    if (cached != null && Instant.now().isBefore(cached.expiresAt())) {
      return cached.value();
    }
    var fresh = fetch(clientId, clientSecret);
    cache.put(cacheKey, fresh);
    return fresh.value();
  }

  /** After a 401 the cached token may have been revoked before its time: the next call fetches a new one. */
  void forget(String cacheKey) {
    cache.remove(cacheKey);
  }

  private Token fetch(String clientId, String clientSecret) {
    var request = http.request(tokenUrl).header("Authorization", Credentials.basic(clientId, clientSecret))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("grant_type=client_credentials")).build();
    var reply = http.send(request, "Deliveroo token");
    if (!reply.ok()) {
      // The auth server answers 400 invalid_client for a wrong id or secret.
      throw new CredentialsRejectedException("Deliveroo token: HTTP " + reply.status(), reply.status());
    }
    var answer = reply.object();
    long seconds = answer.get("expires_in") instanceof JsonNumber n ? n.longValue() : 300;
    return new Token(answer.getString("access_token"),
        Instant.now().plusSeconds(Math.max(0, seconds - EARLY_SECONDS)));
  }
}
