package io.stocksync.catalog.imports;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Reads the import's file row by row from its stored copy; after a restart it skips the rows up to the last
 * checkpoint (the writer also skips any row an earlier execution applied).
 */
@Named
@Dependent
public class ImportRowReader extends AbstractItemReader {

  @Inject
  JobContext job;

  @Inject
  ImportStore store;

  private ImportFile file;
  private ImportCheckpoint checkpoint;

  @Override
  public void open(Serializable previous) {
    checkpoint = previous != null ? (ImportCheckpoint) previous : new ImportCheckpoint(1);
    var ref = (ImportRef) job.getTransientUserData();
    file = ImportFile.open(store.content(ref.importId()));
  }

  @Override
  public Object readItem() {
    while (file.hasNext()) {
      var row = file.next();
      if (row.rowNumber() > checkpoint.lastRow()) {
        checkpoint = new ImportCheckpoint(row.rowNumber());
        return row;
      }
    }
    return null;
  }

  @Override
  public Serializable checkpointInfo() {
    return checkpoint;
  }

  @Override
  public void close() {
    if (file != null) {
      file.close();
    }
  }
}
