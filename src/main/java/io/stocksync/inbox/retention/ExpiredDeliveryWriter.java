package io.stocksync.inbox.retention;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Deletes a chunk of deliveries. Idempotent: a chunk re-read after a restart deletes nothing twice. */
@Named
@Dependent
public class ExpiredDeliveryWriter extends AbstractItemWriter {

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  @Override
  public void writeItems(List<Object> ids) throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement("DELETE FROM webhook_delivery WHERE id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      ps.executeUpdate();
    }
  }
}
