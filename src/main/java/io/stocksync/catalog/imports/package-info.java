/**
 * Product import: a shop uploads a CSV file (the export's own columns: sku, name, on_hand, low_stock_threshold;
 * other columns are ignored, so an export can be imported back), and the product-import batch job creates and
 * updates its products in chunks. Every on-hand change is an IMPORT movement in the ledger and reaches the
 * channels like a manual adjustment. Each row's outcome is recorded with its changes, so a restarted job applies
 * no row twice; the run is visible and restartable through /ibm/api/batch.
 */
package io.stocksync.catalog.imports;
