package io.stocksync.catalog.export;

import io.stocksync.catalog.export.ExportRow.ChannelLevels;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the export as RFC 4180 CSV (UTF-8, CRLF; commons-csv quotes fields holding a comma, quote, CR or LF and
 * doubles the quotes inside). It holds one row at a time and never closes the stream: the container owns it.
 */
final class ProductCsvWriter {

  private static final int BUFFER_CHARS = 32 * 1024;
  private final CSVPrinter printer;

  ProductCsvWriter(OutputStream out) throws IOException {
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
    this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
  }

  void header(List<ExportChannel> channels) throws IOException {
    text("sku");
    text("name");
    text("on_hand");
    text("low_stock_threshold");
    for (var channel : channels) {
      text(channel.displayName() + " expected");
      text(channel.displayName() + " last pushed");
      text(channel.displayName() + " last reported");
    }
    printer.println();
  }

  void row(ExportRow row) throws IOException {
    text(row.sku());
    text(row.name());
    printer.print(row.onHand());
    printer.print(row.lowStockThreshold());
    for (ChannelLevels levels : row.levels()) {
      if (levels == null) {
        printer.print(null);
        printer.print(null);
        printer.print(null);
      } else {
        printer.print(levels.expected());
        printer.print(levels.lastPushed());
        printer.print(levels.lastReported());
      }
    }
    printer.println();
  }

  void flush() throws IOException {
    printer.flush();
  }

  private void text(String value) throws IOException {
    printer.print(FormulaGuard.neutralise(value));
  }
}
