package io.stocksync.catalog.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stocksync.catalog.export.ExportRow.ChannelLevels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductCsvWriterTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void headerNamesThreeColumnsPerChannel() throws Exception {
    var writer = new ProductCsvWriter(out);
    writer.header(List.of(new ExportChannel(UUID.randomUUID(), "Shop, main", 0),
        new ExportChannel(UUID.randomUUID(), "=Till", 0)));
    writer.flush();
    assertEquals("sku,name,on_hand,low_stock_threshold,\"Shop, main expected\",\"Shop, main last pushed\","
        + "\"Shop, main last reported\",'=Till expected,'=Till last pushed,'=Till last reported\r\n", written());
  }

  @Test
  void quotesPerRfc4180AndLeavesUnmappedChannelsEmpty() throws Exception {
    var writer = new ProductCsvWriter(out);
    writer.row(new ExportRow("A-1", "Tee, \"Red\"\nLarge", -3, null,
        new ChannelLevels[] {null, new ChannelLevels(0, 4L, null)}));
    writer.flush();
    assertEquals("A-1,\"Tee, \"\"Red\"\"\nLarge\",-3,,,,,0,4,\r\n", written());
  }

  @Test
  void neutralisesFormulasInTextButNotInNumbers() throws Exception {
    var writer = new ProductCsvWriter(out);
    writer.row(new ExportRow("+SKU", "=HYPERLINK(\"http://x\")", -1, 5, new ChannelLevels[0]));
    writer.row(new ExportRow("@a", "-2+3", 0, null, new ChannelLevels[0]));
    writer.flush();
    assertEquals("'+SKU,\"'=HYPERLINK(\"\"http://x\"\")\",-1,5\r\n'@a,'-2+3,0,\r\n", written());
  }

  @Test
  void guardLeavesOrdinaryTextAlone() {
    assertEquals("Tee", FormulaGuard.neutralise("Tee"));
    assertEquals("", FormulaGuard.neutralise(""));
    assertEquals("'\t=1", FormulaGuard.neutralise("\t=1"));
    assertEquals("a=b", FormulaGuard.neutralise("a=b"));
  }

  private String written() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
