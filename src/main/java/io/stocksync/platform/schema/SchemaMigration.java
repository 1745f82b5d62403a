package io.stocksync.platform.schema;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with db-migrations/ when the application starts. A database that is not
 * reachable yet does not fail the deployment: the migration is retried every few seconds, and readiness stays
 * DOWN (see {@link MigrationStatus}) until it succeeds.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  private static final long RETRY_SECONDS = 5;
  private static final String LOCATION = "classpath:db/migration";

  // Flyway commits its own transactions: it gets the non-transactional pool.
  @Resource(lookup = "jdbc/stocksync-direct")
  DataSource migrationDataSource;

  @Resource
  ManagedScheduledExecutorService scheduler;

  private final MigrationStatus status = new MigrationStatus();
  private volatile ScheduledFuture<?> retry;

  /** The executor is the server's: a pending retry must not outlive a redeployed application. */
  @PreDestroy
  void stop() {
    if (retry != null) {
      retry.cancel(false);
    }
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrate();
  }

  public MigrationStatus status() {
    return status;
  }

  private void migrate() {
    try {
      Flyway flyway = Flyway.configure(getClass().getClassLoader())
          .dataSource(migrationDataSource)
          // On Liberty (as on WebSphere) Flyway finds a classpath folder only through a flyway.location file;
          // db/callback (Flyway's default callback location, empty here) carries one too.
          .locations(LOCATION)
          .load();
      int applied = flyway.migrate().migrationsExecuted;
      var current = flyway.info().current();
      if (current == null) {
        throw new IllegalStateException("no migrations found in " + LOCATION);
      }
      String version = current.getVersion().getVersion();
      status.succeeded(version);
      LOG.info(() -> "Database schema at version " + version + " (" + applied + " migrations applied now)");
    } catch (RuntimeException e) {
      status.failed(e);
      LOG.log(Level.WARNING, "Schema migration failed, retrying in " + RETRY_SECONDS + " s: " + e.getMessage());
      retry = scheduler.schedule(this::migrate, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }
}
