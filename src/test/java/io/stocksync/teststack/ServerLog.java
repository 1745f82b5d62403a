package io.stocksync.teststack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test server's JSON log (messages.log): one record a line. */
public final class ServerLog {

  private ServerLog() {}

  /** The records whose ext_requestId is {@code requestId}. */
  public static List<JsonObject> withRequestId(String requestId) throws IOException {
    return Files.readAllLines(path()).stream().filter(l -> l.startsWith("{") && l.contains(requestId))
        .map(l -> Json.createReader(new StringReader(l)).readObject())
        .filter(r -> requestId.equals(r.getString("ext_requestId", null))).toList();
  }

  public static Path path() {
    return Path.of(System.getProperty("it.war")).getParent().resolve("liberty/wlp/usr/servers")
        .resolve(System.getProperty("liberty.server.name")).resolve("logs/messages.log");
  }
}
