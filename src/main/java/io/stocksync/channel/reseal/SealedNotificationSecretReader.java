package io.stocksync.channel.reseal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** The tenants holding a sealed alert notification secret (current or previous), whatever their status. */
@Named
@Dependent
public class SealedNotificationSecretReader extends SealedRowReader {

  @Override
  protected String pageQuery() {
    return "SELECT id FROM tenant WHERE id > ?::uuid AND (notification_secret_sealed IS NOT NULL"
        + " OR notification_previous_secret_sealed IS NOT NULL) ORDER BY id LIMIT ?";
  }
}
