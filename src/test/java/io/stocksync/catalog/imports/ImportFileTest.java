package io.stocksync.catalog.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFileTest {

  private static List<ImportRow> rows(String csv) {
    var rows = new ArrayList<ImportRow>();
    try (var file = ImportFile.open(csv.getBytes(StandardCharsets.UTF_8))) {
      file.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void readsTheExportsColumnsInAnyOrderAndIgnoresOthers() {
    var rows = rows("Name,SKU,Shop expected,on_hand,low_stock_threshold\r\n"
        + "\"Mug, blue\",MUG-1,7,12,3\r\n"
        + "Plate,PLATE-1,,,\r\n");
    assertEquals(new ImportRow(2, "MUG-1", "Mug, blue", 12L, 3, null), rows.get(0));
    assertEquals(new ImportRow(3, "PLATE-1", "Plate", null, null, null), rows.get(1), "blank cells change nothing");
  }

  @Test
  void rowNumbersAreTheFilesRecordsWithTheHeaderAsRowOneAndBlankLinesSkipped() {
    var rows = rows("sku\nA\n\nB\n");
    assertEquals(List.of(2, 3), rows.stream().map(ImportRow::rowNumber).toList());
    assertEquals(2, ImportFile.countRows("\uFEFFsku\nA\n\nB\n".getBytes(StandardCharsets.UTF_8)),
        "a byte-order mark is not part of the header");
  }

  @Test
  void aBadValueRejectsItsRowOnly() {
    var rows = rows("sku,name,on_hand,low_stock_threshold\n"
        + ",No sku,1,1\n"
        + "A,Bad count,seven,1\n"
        + "B,Negative,-1,1\n"
        + "C,Too many,1000000001,1\n"
        + " D,Spaced,1,1\n"
        + "E,Good,1,1\n");
    assertEquals("sku is required", rows.get(0).rejection());
    assertEquals("on_hand must be a whole number, not \"seven\"", rows.get(1).rejection());
    assertEquals("on_hand must be between 0 and 1000000000", rows.get(2).rejection());
    assertTrue(rows.get(3).isRejected());
    assertEquals("sku must not start or end with a space", rows.get(4).rejection());
    assertFalse(rows.get(5).isRejected());
    assertEquals(7, rows.get(5).rowNumber());
  }

  @Test
  void whatTheExportGuardedAgainstFormulasComesBackAsTyped() {
    var row = rows("sku,name\n'-SKU,'=HYPERLINK(1)\n").get(0);
    assertEquals("-SKU", row.sku());
    assertEquals("=HYPERLINK(1)", row.name());
  }

  @Test
  void aFileThatCannotBeImportedIsRefusedWhole() {
    assertThrows(ImportFileException.class, () -> ImportFile.countRows(new byte[0]));
    assertThrows(ImportFileException.class, () -> ImportFile.countRows(bytes("name,on_hand\nMug,1\n")),
        "no sku column");
    assertThrows(ImportFileException.class, () -> ImportFile.countRows(bytes("sku,SKU\nA,B\n")), "sku twice");
    assertThrows(ImportFileException.class, () -> ImportFile.countRows(bytes("sku\n")), "no rows");
    var e = assertThrows(ImportFileException.class, () -> ImportFile.countRows(bytes("sku,name\nA,\"open\n")));
    assertTrue(e.getMessage().startsWith("the file is not valid CSV"), e.getMessage());
  }

  @Test
  void anUploadOverTheCapIsRefusedWithoutReadingItAll() throws Exception {
    assertEquals(3, ImportFile.readCapped(new ByteArrayInputStream(new byte[3]), 3).length);
    assertThrows(ImportTooLargeException.class,
        () -> ImportFile.readCapped(new ByteArrayInputStream(new byte[4]), 3));
  }

  @Test
  void aMissingColumnLeavesItsValueUnset() {
    var row = rows("sku,on_hand\nA,5\n").get(0);
    assertNull(row.name());
    assertEquals(5L, row.onHand());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
