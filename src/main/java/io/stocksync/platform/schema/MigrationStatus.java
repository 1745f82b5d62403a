package io.stocksync.platform.schema;

import java.util.Optional;

/** Outcome of the latest schema migration attempt, read by the readiness check. */
public final class MigrationStatus {

  private volatile String version;
  private volatile String lastError = "not attempted yet";

  void succeeded(String schemaVersion) {
    version = schemaVersion;
    lastError = null;
  }

  void failed(Exception e) {
    lastError = e.getMessage();
  }

  public boolean isComplete() {
    return version != null;
  }

  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }
}
