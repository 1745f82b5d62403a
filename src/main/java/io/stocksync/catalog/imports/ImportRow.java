package io.stocksync.catalog.imports;

/**
 * One data row of an import file, checked. A null value leaves that field as it is (or unset for a new product).
 *
 * @param rowNumber the row's place in the file, the header being row 1 (what a spreadsheet shows)
 * @param rejection why the row cannot be applied, or null
 */
public record ImportRow(int rowNumber, String sku, String name, Long onHand, Integer lowStockThreshold,
    String rejection) {

  static ImportRow rejected(int rowNumber, String sku, String why) {
    return new ImportRow(rowNumber, sku, null, null, null, why);
  }

  boolean isRejected() {
    return rejection != null;
  }
}
