package io.stocksync.alert.notify;

import io.stocksync.platform.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's notification secret, sealed at rest (tenant.notification_secret_sealed holds base64 of the sealed box,
 * bound to the tenant). The clear secret leaves the server once, in the answer to the request that generated it.
 */
@ApplicationScoped
public class NotificationSecrets {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  SecretCipher cipher;

  /** Generates a new secret, replacing any previous one, and answers it in clear. */
  @Transactional(Transactional.TxType.MANDATORY)
  public String rotate(UUID tenantId) {
    String secret = WebhookSigner.newSecret();
    String sealed = Base64.getEncoder().encodeToString(cipher.encrypt(secret, context(tenantId)));
    em.createNativeQuery("UPDATE tenant SET notification_secret_sealed = ?, updated_at = now() WHERE id = ?")
        .setParameter(1, sealed).setParameter(2, tenantId).executeUpdate();
    return secret;
  }

  /** Opens a sealed secret read with the tenant's row; empty when there is none. */
  public Optional<String> open(UUID tenantId, String sealed) {
    if (sealed == null || sealed.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(cipher.decrypt(Base64.getDecoder().decode(sealed), context(tenantId)));
  }

  /** The tenant's notification URL and whether it has a secret. */
  @Transactional
  @SuppressWarnings("unchecked")
  public NotificationEndpoint endpoint(UUID tenantId) {
    List<Object[]> rows = em.createNativeQuery("SELECT notification_url, notification_secret_sealed IS NOT NULL"
        + " FROM tenant WHERE id = ?").setParameter(1, tenantId).getResultList();
    return rows.stream().findFirst().map(r -> new NotificationEndpoint((String) r[0], (Boolean) r[1]))
        .orElse(new NotificationEndpoint(null, false));
  }

  private static String context(UUID tenantId) {
    return tenantId + "/tenant/" + tenantId + "/notification_secret";
  }
}
