package io.stocksync.platform.health;

import io.stocksync.platform.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers a validity check and the schema migration has completed. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  @Inject
  SchemaMigration migration;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    var status = migration.status();
    status.version().ifPresent(v -> response.withData("schemaVersion", v));
    try (Connection c = dataSource.getConnection()) {
      if (!c.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return response.down().withData("reason", "PostgreSQL connection is not valid").build();
      }
    } catch (SQLException e) {
      return response.down().withData("reason", "PostgreSQL unreachable: " + e.getMessage()).build();
    }
    if (!status.isComplete()) {
      return response.down()
          .withData("reason", "schema migration pending: " + status.lastError().orElse("running"))
          .build();
    }
    return response.up().build();
  }
}
