package io.stocksync.catalog.export;

/**
 * Neutralises spreadsheet formula injection (CSV injection): a cell that starts with =, +, - or @ (or a tab or
 * CR, which some spreadsheets skip before reading one of those) is run as a formula when the file is opened, so
 * a product name like {@code =HYPERLINK(...)} typed by anyone with write access would execute on the reader's
 * machine. Such text cells get a leading apostrophe, which spreadsheets show as plain text. Only text that users
 * typed goes through here: numbers we format ourselves (a negative on-hand is legitimate) are written as they are.
 * A product import reads such a cell back with {@link #restore}.
 */
public final class FormulaGuard {

  private FormulaGuard() {}

  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  /** Undoes {@link #neutralise}: an import reads back what an export wrote. */
  public static String restore(String text) {
    if (text == null || text.length() < 2 || text.charAt(0) != '\'') {
      return text;
    }
    return switch (text.charAt(1)) {
      case '=', '+', '-', '@', '\t', '\r' -> text.substring(1);
      default -> text;
    };
  }
}
