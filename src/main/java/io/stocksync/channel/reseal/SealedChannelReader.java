package io.stocksync.channel.reseal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** The channels holding a sealed credential or webhook secret (current or previous). */
@Named
@Dependent
public class SealedChannelReader extends SealedRowReader {

  @Override
  protected String pageQuery() {
    return "SELECT id FROM channel WHERE id > ?::uuid AND (credentials_enc IS NOT NULL"
        + " OR webhook_secret_enc IS NOT NULL OR previous_secret_enc IS NOT NULL) ORDER BY id LIMIT ?";
  }
}
