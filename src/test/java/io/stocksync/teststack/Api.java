package io.stocksync.teststack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests, talking to the Liberty that Arquillian started. */
public final class Api {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  public Api(URI base) {
    this(base, null);
  }

  private Api(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** The same API with a bearer token. */
  public Api as(String token) {
    return new Api(base, "Bearer " + token);
  }

  /** The same caller at another server (the same application at another base address). */
  public Api at(URI otherBase) {
    return new Api(otherBase, authorization);
  }

  /** The same API as a platform admin (a dev token). */
  public Api asPlatformAdmin() {
    return as(io.stocksync.devstack.DevToken.mint("platform-admin", null));
  }

  public Response put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response patch(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** The server root (health, metrics, openapi live there, not under the application's context root). */
  public static Api server() {
    return new Api(URI.create("http://127.0.0.1:" + System.getProperty("liberty.http.port") + "/"));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  public Response send(HttpRequest.Builder request) {
    try {
      var r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed on demand. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {

    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
