package io.stocksync.guardian;

import io.stocksync.catalog.ExpectedLevel;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads one channel's mappings a page at a time, by key (external id), and hands each page on as one item, so that
 * the processor checks a whole page with one bulk read of the channel. A paused tenant reads nothing.
 */
@Named
@Dependent
public class MappingPageReader extends AbstractItemReader {

  private static final String PAGE = "SELECT m.id, m.product_id, m.external_id, m.external_location_id, p.on_hand,"
      + " c.buffer_stock, o.level, o.run_id FROM channel_mapping m JOIN product p ON p.id = m.product_id"
      + " JOIN channel c ON c.id = m.channel_id LEFT JOIN guardian_observation o ON o.mapping_id = m.id"
      + " WHERE m.tenant_id = ? AND m.channel_id = ? AND m.external_id > ? ORDER BY m.external_id LIMIT ?";

  @Inject
  StepContext step;

  @Inject
  @BatchProperty
  String pageSize;

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  private GuardianPartition partition;
  private MappingCheckpoint checkpoint;
  private boolean exhausted;

  @Override
  public void open(Serializable previous) throws SQLException {
    partition = GuardianPartition.of(step);
    checkpoint = previous != null ? (MappingCheckpoint) previous : MappingCheckpoint.START;
    exhausted = partition.channelId().isEmpty() || !tenantActive();
  }

  @Override
  public MappingPage readItem() throws SQLException {
    if (exhausted) {
      return null;
    }
    int size = Integer.parseInt(pageSize);
    var rows = new ArrayList<MappingRow>(size);
    try (var c = dataSource.getConnection(); var ps = GuardianRuns.prepare(c, PAGE, partition.tenantId(),
        partition.channel(), checkpoint.lastExternalId(), size); var rs = ps.executeQuery()) {
      while (rs.next()) {
        long level = rs.getLong(7);
        Long previous = rs.wasNull() ? null : level;
        rows.add(new MappingRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), ExpectedLevel.of(rs.getLong(5), rs.getInt(6)), previous, rs.getObject(8, UUID.class)));
      }
    }
    exhausted = rows.size() < size;
    if (rows.isEmpty()) {
      return null;
    }
    var page = new MappingPage(rows);
    checkpoint = checkpoint.after(page);
    return page;
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  private boolean tenantActive() throws SQLException {
    try (var c = dataSource.getConnection();
        var ps = GuardianRuns.prepare(c, "SELECT 1 FROM tenant WHERE id = ? AND status = 'ACTIVE'",
            partition.tenantId());
        var rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
