package io.stocksync.catalog.imports;

import io.stocksync.platform.audit.AuditLog;
import io.stocksync.platform.request.RequestId;
import io.stocksync.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** Accepts an upload: stores the checked file as a QUEUED import and audits it, in a transaction of its own. */
@ApplicationScoped
public class ImportRequests {

  @Inject
  ImportStore store;

  @Inject
  AuditLog audit;

  @Inject
  Caller caller;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public UUID accept(UUID tenantId, byte[] content, int rows) {
    UUID id = store.create(tenantId, content, rows, caller.name(), RequestId.current());
    audit.record(tenantId, "product.import.start", "product_import", id, null, Map.of("rows", rows,
        "bytes", content.length));
    return id;
  }
}
