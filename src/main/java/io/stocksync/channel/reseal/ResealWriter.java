package io.stocksync.channel.reseal;

import io.stocksync.channel.Channel;
import io.stocksync.platform.crypto.SecretCipher;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Re-seals a chunk of channels with the active key, each under its row lock, in the chunk's transaction.
 * Idempotent: a field already sealed with the active key is left as it is, so a chunk re-read after a restart
 * changes nothing twice.
 */
@Named
@Dependent
public class ResealWriter extends jakarta.batch.api.chunk.AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(ResealWriter.class.getName());

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  SecretCipher cipher;

  @Override
  public void writeItems(List<Object> ids) {
    int changed = 0;
    for (Object id : ids) {
      var channel = em.find(Channel.class, (UUID) id, LockModeType.PESSIMISTIC_WRITE);
      if (channel != null && channel.reseal(cipher::reseal)) {
        changed++;
      }
    }
    int n = changed;
    LOG.info(() -> "re-sealed the secrets of " + n + " of " + ids.size() + " channels with the active key");
  }
}
