package io.stocksync.alert.notify;

import io.stocksync.platform.crypto.SecretCipher;
import io.stocksync.platform.persistence.SqlTimes;
import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's notification endpoint as its tenant row holds it: the URL (the setting notificationUrl) and the signing
 * secret, sealed at rest (notification_secret_sealed holds base64 of the sealed box, bound to the tenant). The clear
 * secret leaves the server once, in the answer to the request that generated it. After a rotation the previous
 * secret stays sealed beside it, with the end of its grace period.
 */
@ApplicationScoped
public class NotificationEndpoints {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  SecretCipher cipher;

  @Inject
  NotificationTargets targets;

  /**
   * Points the tenant's notifications at url, or nowhere when null; 422 for a URL the SSRF guard refuses. The
   * version is bumped like any change to the tenant row, so a concurrent settings change fails rather than writes
   * back a stale URL.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void pointAt(UUID tenantId, String url) {
    if (url != null) {
      targets.refusalToSet(url).ifPresent(why -> {
        throw ProblemException.unprocessable(why);
      });
    }
    lockLiveTenant(tenantId);
    em.createNativeQuery("UPDATE tenant SET notification_url = ?, version = version + 1, updated_at = now()"
            + " WHERE id = ?")
        .setParameter(1, url).setParameter(2, tenantId).executeUpdate();
  }

  /**
   * Generates a new secret and answers it in clear. The one it replaces keeps signing notifications (beside the new
   * one) for the grace period; a zero grace drops it at once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String rotate(UUID tenantId, Duration grace) {
    lockLiveTenant(tenantId);
    String secret = WebhookSigner.newSecret();
    String sealed = Base64.getEncoder().encodeToString(cipher.encrypt(secret, context(tenantId)));
    boolean keep = !grace.isZero();
    em.createNativeQuery("UPDATE tenant SET notification_previous_secret_sealed = CASE WHEN ? THEN"
            + " notification_secret_sealed END, notification_previous_secret_until = CASE WHEN ?"
            + " AND notification_secret_sealed IS NOT NULL THEN now() + make_interval(secs => ?) END,"
            + " notification_secret_sealed = ?, updated_at = now() WHERE id = ?")
        .setParameter(1, keep).setParameter(2, keep).setParameter(3, (double) grace.toSeconds())
        .setParameter(4, sealed).setParameter(5, tenantId).executeUpdate();
    return secret;
  }

  /** Opens a sealed secret read with the tenant's row; empty when there is none. */
  public Optional<String> open(UUID tenantId, String sealed) {
    if (sealed == null || sealed.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(cipher.decrypt(Base64.getDecoder().decode(sealed), context(tenantId)));
  }

  /**
   * Re-seals the tenant's current and previous secret with the active key (key rotation), under the row's lock;
   * answers whether anything changed. What the active key already sealed is left as it is.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public boolean reseal(UUID tenantId) {
    List<Object[]> rows = em.createNativeQuery("SELECT notification_secret_sealed,"
        + " notification_previous_secret_sealed FROM tenant WHERE id = ? FOR UPDATE")
        .setParameter(1, tenantId).getResultList();
    if (rows.isEmpty()) {
      return false;
    }
    String current = (String) rows.get(0)[0];
    String previous = (String) rows.get(0)[1];
    String newCurrent = resealed(tenantId, current);
    String newPrevious = resealed(tenantId, previous);
    if (newCurrent == current && newPrevious == previous) {
      return false;
    }
    em.createNativeQuery("UPDATE tenant SET notification_secret_sealed = ?, notification_previous_secret_sealed = ?"
            + " WHERE id = ?")
        .setParameter(1, newCurrent).setParameter(2, newPrevious).setParameter(3, tenantId).executeUpdate();
    return true;
  }

  /** The tenant's notification URL, whether it has a secret, and the previous secret's grace. */
  @Transactional
  @SuppressWarnings("unchecked")
  public NotificationEndpoint endpoint(UUID tenantId) {
    List<Object[]> rows = em.createNativeQuery("SELECT notification_url, notification_secret_sealed IS NOT NULL,"
        + " CASE WHEN notification_previous_secret_until > now() THEN notification_previous_secret_until END"
        + " FROM tenant WHERE id = ?").setParameter(1, tenantId).getResultList();
    return rows.stream().findFirst().map(r -> new NotificationEndpoint((String) r[0], (Boolean) r[1],
            SqlTimes.utc(r[2])))
        .orElse(new NotificationEndpoint(null, false, null));
  }

  /** Locks the tenant's row; 404 when the tenant is gone, 409 while it is being deleted (as the tenant API does). */
  @SuppressWarnings("unchecked")
  private void lockLiveTenant(UUID tenantId) {
    List<String> status = em.createNativeQuery("SELECT status FROM tenant WHERE id = ? FOR UPDATE")
        .setParameter(1, tenantId).getResultList();
    if (status.isEmpty() || "DELETED".equals(status.get(0))) {
      throw ProblemException.notFound("tenant", tenantId);
    }
    if ("DELETING".equals(status.get(0))) {
      throw ProblemException.conflict("the tenant is being deleted");
    }
  }

  /** The same sealed text when it needs no new key (so callers can tell nothing changed), else the re-sealed one. */
  private String resealed(UUID tenantId, String sealed) {
    if (sealed == null) {
      return null;
    }
    byte[] box = Base64.getDecoder().decode(sealed);
    byte[] again = cipher.reseal(box, context(tenantId));
    return again == box ? sealed : Base64.getEncoder().encodeToString(again);
  }

  private static String context(UUID tenantId) {
    return tenantId + "/tenant/" + tenantId + "/notification_secret";
  }
}
