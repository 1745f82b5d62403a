package io.stocksync.guardian;

import java.io.Serializable;

/**
 * Where a partition's reading stands: the external id of the last mapping handed on (mappings are paged in
 * external id order, the channel's own key), and how many pages that was. A restart continues after it.
 */
public record MappingCheckpoint(String lastExternalId, long pages) implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final MappingCheckpoint START = new MappingCheckpoint("", 0);

  public MappingCheckpoint after(MappingPage page) {
    return new MappingCheckpoint(page.lastExternalId(), pages + 1);
  }
}
