package io.stocksync.teststack;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Liberty's batch REST admin (/ibm/api/batch) as ops use it: https with the server's self-signed certificate and
 * the documented local operator credentials.
 */
public final class BatchAdmin {

  private static final String AUTH = "Basic "
      + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
  private final HttpClient http;
  private final URI base;

  /** The batch REST admin of the test server. */
  public BatchAdmin() {
    this(Integer.parseInt(System.getProperty("liberty.https.port")));
  }

  /** The batch REST admin of the server listening for HTTPS on the port (a {@link SecondServer}). */
  public BatchAdmin(int httpsPort) {
    this.base = URI.create("https://127.0.0.1:" + httpsPort + "/ibm/api/batch/");
    this.http = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Submits a job of the stocksync application; answers the new job instance. */
  public JsonObject submit(String jobXmlName, String jobParametersJson) {
    String body = "{\"applicationName\":\"stocksync\",\"moduleName\":\"stocksync.war\",\"jobXMLName\":\""
        + jobXmlName + "\",\"jobParameters\":" + jobParametersJson + "}";
    return call("POST", "jobinstances", body, 201).json();
  }

  public JsonObject stop(long executionId) {
    return call("PUT", "jobexecutions/" + executionId + "?action=stop", "{}", 200).json();
  }

  public JsonObject restart(long instanceId, String jobParametersJson) {
    return call("PUT", "jobinstances/" + instanceId + "?action=restart",
        "{\"jobParameters\":" + jobParametersJson + "}", 200).json();
  }

  public JsonArray executions(long instanceId) {
    return (JsonArray) call("GET", "jobinstances/" + instanceId + "/jobexecutions", null, 200).parse();
  }

  /** The id of the job instance's latest execution. */
  public long latestExecution(long instanceId) {
    return executions(instanceId).stream().map(e -> e.asJsonObject().getJsonNumber("executionId").longValue())
        .max(Long::compare).orElseThrow();
  }

  public JsonObject execution(long executionId) {
    return call("GET", "jobexecutions/" + executionId, null, 200).json();
  }

  /** Waits for the job instance's {@code executions}-th execution to end; answers its id. */
  public long awaitEnded(long instanceId, int executions) {
    JsonObject latest = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> executions(instanceId), a -> a.size() == executions).stream().map(JsonObject.class::cast)
        .max(Comparator.comparingLong(e -> e.getJsonNumber("executionId").longValue())).orElseThrow();
    long id = latest.getJsonNumber("executionId").longValue();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> batchStatus(id), s -> !s.matches("STARTING|STARTED|STOPPING"));
    return id;
  }

  public String batchStatus(long executionId) {
    return execution(executionId).getString("batchStatus");
  }

  public Api.Response call(String method, String path, String body, int expectedStatus) {
    var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", AUTH).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      var r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      var response = new Api.Response(r.statusCode(), r.body(), r.headers());
      if (expectedStatus > 0 && r.statusCode() != expectedStatus) {
        throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return response;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext trustAll() {
    try {
      var ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new X509TrustManager() {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, new SecureRandom());
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
