package io.stocksync.platform.diagnostics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stores probes that arrived; a redelivered probe is stored once. */
@ApplicationScoped
public class ProbeRecorder {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /** Runs in the listener's transaction: an exception rolls back the receive, so the broker redelivers. */
  public void record(ProbeMessage message, int deliveryCount) {
    if (message.poison()) {
      throw new PoisonProbeException(message.probeId(), deliveryCount);
    }
    if (em.find(DiagnosticProbe.class, message.probeId()) == null) {
      em.persist(new DiagnosticProbe(message, deliveryCount, Instant.now()));
    }
  }

  public Optional<DiagnosticProbe> find(UUID probeId) {
    return Optional.ofNullable(em.find(DiagnosticProbe.class, probeId));
  }
}
