package io.stocksync.guardian;

import java.util.List;

/** The reader's item: a page of mappings of one channel, checked with one bulk read of the channel. */
public record MappingPage(List<MappingRow> rows) {

  public String lastExternalId() {
    return rows.get(rows.size() - 1).externalId();
  }
}
