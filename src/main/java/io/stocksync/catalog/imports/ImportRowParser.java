package io.stocksync.catalog.imports;

import io.stocksync.catalog.export.FormulaGuard;
import org.apache.commons.csv.CSVRecord;

/** Turns a CSV record into an {@link ImportRow}, with the same limits as the product API's own validation. */
final class ImportRowParser {

  static final long MAX_QUANTITY = 1_000_000_000L;
  static final int MAX_SKU = 100;
  static final int MAX_NAME = 500;

  private ImportRowParser() {}

  static ImportRow parse(int rowNumber, CSVRecord record, ImportColumns columns) {
    String sku = cell(record, columns.sku());
    if (sku == null) {
      return ImportRow.rejected(rowNumber, null, "sku is required");
    }
    if (sku.length() > MAX_SKU) {
      return ImportRow.rejected(rowNumber, sku.substring(0, MAX_SKU), "sku is longer than " + MAX_SKU);
    }
    if (!sku.equals(sku.strip())) {
      return ImportRow.rejected(rowNumber, sku, "sku must not start or end with a space");
    }
    String name = cell(record, columns.name());
    if (name != null && name.length() > MAX_NAME) {
      return ImportRow.rejected(rowNumber, sku, "name is longer than " + MAX_NAME);
    }
    try {
      Long onHand = quantity(cell(record, columns.onHand()), ImportColumns.ON_HAND);
      Long threshold = quantity(cell(record, columns.lowStockThreshold()), ImportColumns.LOW_STOCK_THRESHOLD);
      return new ImportRow(rowNumber, sku, name, onHand, threshold == null ? null : threshold.intValue(), null);
    } catch (IllegalArgumentException e) {
      return ImportRow.rejected(rowNumber, sku, e.getMessage());
    }
  }

  /** The cell's text, or null when the column is absent or the cell blank; the export's formula guard undone. */
  private static String cell(CSVRecord record, int column) {
    if (column < 0 || column >= record.size()) {
      return null;
    }
    String text = record.get(column);
    return text.isBlank() ? null : FormulaGuard.restore(text);
  }

  private static Long quantity(String text, String column) {
    if (text == null) {
      return null;
    }
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " must be a whole number, not \"" + text + "\"");
    }
    if (value < 0 || value > MAX_QUANTITY) {
      throw new IllegalArgumentException(column + " must be between 0 and " + MAX_QUANTITY);
    }
    return value;
  }
}
