package io.stocksync.alert.notify;

import io.stocksync.alert.AlertQueries;
import io.stocksync.platform.schedule.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every 2 seconds, on its own managed thread (never in a stock-processing transaction), sends the alert
 * notifications that are due, one claim at a time, until none is due or the batch is done. A round that fails
 * after its in-line retries is rescheduled with a growing delay and given up (FAILED) after the configured rounds.
 */
@ApplicationScoped
public class NotificationWorker {

  private static final Logger LOG = Logger.getLogger(NotificationWorker.class.getName());
  private static final long PERIOD_SECONDS = 2;
  private static final int BATCH = 50;
  /** Longer than a round can take: 3 attempts of at most 20 s each and the delays between them. */
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Inject
  Periodic periodic;

  @Inject
  NotificationOutbox outbox;

  @Inject
  NotificationSender sender;

  @Inject
  NotificationEndpoints endpoints;

  @Inject
  AlertQueries alerts;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.notify.round-delay", defaultValue = "PT30S")
  Duration roundDelay;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.notify.max-round-delay", defaultValue = "PT1H")
  Duration maxRoundDelay;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.notify.max-rounds", defaultValue = "8")
  int maxRounds;

  private RoundSchedule schedule;

  @PostConstruct
  void init() {
    schedule = new RoundSchedule(roundDelay, maxRoundDelay, maxRounds);
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(PERIOD_SECONDS, this::tick);
  }

  void tick() {
    try {
      for (int i = 0; i < BATCH; i++) {
        Optional<DueNotification> due = outbox.claim(LEASE);
        if (due.isEmpty()) {
          return;
        }
        deliver(due.get());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "notification sweep skipped: " + e.getMessage());
    }
  }

  private void deliver(DueNotification n) {
    List<String> signingSecrets;
    byte[] body;
    try {
      signingSecrets = secretsOf(n);
      var alert = alerts.find(n.tenantId(), n.alertId())
          .orElseThrow(() -> new IllegalStateException("the alert no longer exists"));
      body = NotificationPayload.of(n.eventType(), n.createdAt(), alert).toJson();
    } catch (IllegalStateException e) {
      outbox.recordAttempt(n, null, e.getMessage(), 0);
      failed(n, e.getMessage());
      return;
    }
    try {
      sender.send(n, signingSecrets, body);
      outbox.delivered(n);
      LOG.fine(() -> "notification " + n.messageId() + " (" + n.eventType() + ") delivered");
    } catch (RuntimeException e) {
      failed(n, e.getMessage());
    }
  }

  /** The current secret, then the previous one while its grace period lasts: each signs the notification. */
  private List<String> secretsOf(DueNotification n) {
    if (n.url() == null) {
      throw new IllegalStateException("the tenant has no notification URL");
    }
    try {
      String current = endpoints.open(n.tenantId(), n.sealedSecret()).filter(s -> !s.isBlank())
          .orElseThrow(() -> new IllegalStateException(
              "the tenant has no notification secret (POST /api/v1/alerts/notifications/secret)"));
      var all = new ArrayList<String>(List.of(current));
      endpoints.open(n.tenantId(), n.sealedPreviousSecret()).filter(s -> !s.isBlank()).ifPresent(all::add);
      return all;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the notification secret cannot be opened");
    }
  }

  private void failed(DueNotification n, String error) {
    outbox.roundFailed(n, error, schedule);
    if (schedule.givesUpAfter(n.rounds() + 1)) {
      LOG.warning(() -> "notification " + n.messageId() + " of tenant " + n.tenantId() + " given up after "
          + (n.rounds() + 1) + " rounds: " + error);
    }
  }
}
