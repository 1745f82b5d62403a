package io.stocksync.catalog.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Where the known columns are in a file, from its header row (names as the export writes them, in any case and
 * order). sku is required; the others may be missing, and then that value is never changed. Unknown columns, such
 * as the export's per-channel levels, are ignored.
 *
 * @param name -1 when the file has no such column (likewise the others)
 */
public record ImportColumns(int sku, int name, int onHand, int lowStockThreshold) {

  static final String SKU = "sku";
  static final String NAME = "name";
  static final String ON_HAND = "on_hand";
  static final String LOW_STOCK_THRESHOLD = "low_stock_threshold";

  static ImportColumns of(CSVRecord header) {
    Map<String, Integer> known = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (column.equals(SKU) || column.equals(NAME) || column.equals(ON_HAND) || column.equals(LOW_STOCK_THRESHOLD)) {
        if (known.putIfAbsent(column, i) != null) {
          throw new ImportFileException("the header names column " + column + " twice");
        }
      }
    }
    if (!known.containsKey(SKU)) {
      throw new ImportFileException("the first row must be a header naming a sku column (and any of name, on_hand,"
          + " low_stock_threshold)");
    }
    return new ImportColumns(known.get(SKU), known.getOrDefault(NAME, -1), known.getOrDefault(ON_HAND, -1),
        known.getOrDefault(LOW_STOCK_THRESHOLD, -1));
  }
}
