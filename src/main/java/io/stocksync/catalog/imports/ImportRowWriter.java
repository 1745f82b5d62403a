package io.stocksync.catalog.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Applies a chunk of rows (ImportApplier) in the chunk's transaction. */
@Named
@Dependent
public class ImportRowWriter extends AbstractItemWriter {

  @Inject
  JobContext job;

  @Inject
  ImportApplier applier;

  @Inject
  @BatchProperty
  String failAtRow;

  @Override
  public void writeItems(List<Object> items) {
    var rows = items.stream().map(ImportRow.class::cast).toList();
    if (failAtRow != null && !failAtRow.isBlank()) {
      int row = Integer.parseInt(failAtRow.strip());
      if (rows.stream().anyMatch(r -> r.rowNumber() == row)) {
        throw new ImportForcedFailure(row);
      }
    }
    applier.apply((ImportRef) job.getTransientUserData(), rows);
  }
}
