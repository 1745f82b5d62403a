package io.stocksync.channel.reseal;

import io.stocksync.alert.notify.NotificationEndpoints;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Re-seals a chunk of tenants' alert notification secrets with the active key, in the chunk's transaction.
 * Idempotent like {@link ResealWriter}: what the active key sealed is left as it is.
 */
@Named
@Dependent
public class NotificationSecretResealWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(NotificationSecretResealWriter.class.getName());

  @Inject
  NotificationEndpoints endpoints;

  @Override
  public void writeItems(List<Object> ids) {
    long changed = ids.stream().filter(id -> endpoints.reseal((UUID) id)).count();
    LOG.info(() -> "re-sealed the notification secrets of " + changed + " of " + ids.size()
        + " tenants with the active key");
  }
}
