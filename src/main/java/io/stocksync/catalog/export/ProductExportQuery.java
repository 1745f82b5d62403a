package io.stocksync.catalog.export;

import io.stocksync.catalog.ExpectedLevel;
import io.stocksync.catalog.export.ExportRow.ChannelLevels;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a tenant's products with their mappings and hands them to the writer one product at a time.
 *
 * <p>Memory stays flat: on the non-transactional data source with auto-commit off and a fetch size, the
 * PostgreSQL driver reads through a server-side cursor, {@link #FETCH_SIZE} rows at a time, instead of loading
 * the whole result. Both queries run in one REPEATABLE READ transaction, so the header's channels and the rows
 * come from the same snapshot.
 */
@ApplicationScoped
class ProductExportQuery {

  static final int FETCH_SIZE = 1000;

  private static final String CHANNELS = "SELECT id, display_name, buffer_stock FROM channel WHERE tenant_id = ?"
      + " ORDER BY display_name, id";
  // One line per mapping (or one per unmapped product), grouped by product through the ORDER BY.
  private static final String PRODUCTS = "SELECT p.id, p.sku, p.name, p.on_hand, p.low_stock_threshold,"
      + " m.channel_id, m.last_pushed_level, m.last_reported_level"
      + " FROM product p LEFT JOIN channel_mapping m ON m.tenant_id = p.tenant_id AND m.product_id = p.id"
      + " WHERE p.tenant_id = ? ORDER BY p.sku, p.id";

  @Resource(lookup = "jdbc/stocksync-direct")
  DataSource dataSource;

  void export(UUID tenantId, ProductCsvWriter writer) throws SQLException, IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        List<ExportChannel> channels = channels(c, tenantId);
        writer.header(channels);
        rows(c, tenantId, channels, writer);
        writer.flush();
      } finally {
        c.rollback(); // read only: ending the transaction closes the cursor
      }
    }
  }

  private static List<ExportChannel> channels(Connection c, UUID tenantId) throws SQLException {
    try (var ps = c.prepareStatement(CHANNELS)) {
      ps.setObject(1, tenantId);
      try (var rs = ps.executeQuery()) {
        var channels = new ArrayList<ExportChannel>();
        while (rs.next()) {
          channels.add(new ExportChannel(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)));
        }
        return channels;
      }
    }
  }

  private static void rows(Connection c, UUID tenantId, List<ExportChannel> channels, ProductCsvWriter writer)
      throws SQLException, IOException {
    Map<UUID, Integer> column = new HashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      column.put(channels.get(i).id(), i);
    }
    try (var ps = c.prepareStatement(PRODUCTS)) {
      ps.setFetchSize(FETCH_SIZE);
      ps.setObject(1, tenantId);
      try (var rs = ps.executeQuery()) {
        UUID currentId = null;
        ExportRow current = null;
        while (rs.next()) {
          UUID productId = rs.getObject(1, UUID.class);
          if (!productId.equals(currentId)) {
            if (current != null) {
              writer.row(current);
            }
            currentId = productId;
            current = new ExportRow(rs.getString(2), rs.getString(3), rs.getLong(4), integer(rs, 5),
                new ChannelLevels[channels.size()]);
          }
          Integer slot = column.get(rs.getObject(6, UUID.class));
          if (slot != null) {
            int buffer = channels.get(slot).bufferStock();
            current.levels()[slot] = new ChannelLevels(ExpectedLevel.of(current.onHand(), buffer),
                longOrNull(rs, 7), longOrNull(rs, 8));
          }
        }
        if (current != null) {
          writer.row(current);
        }
      }
    }
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
