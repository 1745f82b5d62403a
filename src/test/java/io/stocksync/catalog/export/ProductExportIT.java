package io.stocksync.catalog.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import io.stocksync.teststack.TestTenant;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CSV export as a shop downloads it: columns per channel, quoting, formula neutralisation, tenancy. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductExportIT {

  private static final String EXPORT = "api/v1/products/export.csv";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void oneRowPerProductInSkuOrderWithThreeColumnsPerChannelInNameOrder() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Exporter", "STARTER");
    String shopify = shop.channel("SHOPIFY", "Shopify", 2);
    String deliveroo = shop.channel("DELIVEROO", "Deliveroo", 25);
    String amazon = shop.channel("GENERIC", "Amazon", 0);
    String b2 = product(shop, "B-2", "Product B-2", 30, 5);
    String a1 = shop.product("A-1", 20);
    shop.product("C-3", 1);
    String pushed = shop.mapping(a1, shopify, "shopify-a1");
    shop.mapping(a1, deliveroo, "PLU-a1");
    shop.mapping(b2, amazon, "ASIN-b2");
    sql("UPDATE channel_mapping SET last_pushed_level = 18, last_reported_level = 17 WHERE id = '" + pushed + "'");

    var export = shop.user().get(EXPORT);
    assertEquals(200, export.status(), export.body());
    assertTrue(export.header("Content-Type").startsWith("text/csv"), export.header("Content-Type"));
    assertTrue(export.header("Content-Disposition").matches("attachment; filename=\"products-[0-9-]+\\.csv\""),
        export.header("Content-Disposition"));
    assertTrue(export.body().startsWith("sku,name,on_hand,low_stock_threshold,Amazon expected,"), "plain header");
    assertTrue(export.body().endsWith("\r\n"), "RFC 4180 line ends");
    assertEquals(List.of(
        List.of("sku", "name", "on_hand", "low_stock_threshold",
            "Amazon expected", "Amazon last pushed", "Amazon last reported",
            "Deliveroo expected", "Deliveroo last pushed", "Deliveroo last reported",
            "Shopify expected", "Shopify last pushed", "Shopify last reported"),
        List.of("A-1", "Product A-1", "20", "", "", "", "", "0", "", "", "18", "18", "17"),
        List.of("B-2", "Product B-2", "30", "5", "30", "", "", "", "", "", "", "", ""),
        List.of("C-3", "Product C-3", "1", "", "", "", "", "", "", "", "", "", "")), parse(export.body()));
    assertEquals(200, shop.admin().get(EXPORT).status(), "admins export too");
  }

  @Test
  void quotesFieldsWithCommasQuotesAndLineBreaks() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Quoter", "STARTER");
    product(shop, "Q-1", "Tee, \"Red\" size M", 3, null);
    product(shop, "Q-2", "Two\nlines", 4, null);

    String body = shop.user().get(EXPORT).body();
    assertTrue(body.contains("\r\nQ-1,\"Tee, \"\"Red\"\" size M\",3,\r\n"), body);
    assertTrue(body.contains("\r\nQ-2,\"Two\nlines\",4,\r\n"), body);
    var rows = parse(body);
    assertEquals("Tee, \"Red\" size M", rows.get(1).get(1), "round-trips through a CSV reader");
    assertEquals("Two\nlines", rows.get(2).get(1));
  }

  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasGetAnApostrophe() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Formulas", "STARTER");
    shop.channel("GENERIC", "=cmd|'/c calc'!A0", 0);
    product(shop, "+SKU", "=HYPERLINK(\"http://evil.example\",\"click\")", 1, null);
    product(shop, "@SKU", "-2+3", 2, null);
    product(shop, "PLAIN", "a = b", 3, null);

    var rows = parse(shop.user().get(EXPORT).body());
    assertEquals("'=cmd|'/c calc'!A0 expected", rows.get(0).get(4));
    // SKU order of punctuation depends on the database's collation: compare as a set.
    assertEquals(Set.of(List.of("'+SKU", "'=HYPERLINK(\"http://evil.example\",\"click\")"),
        List.of("'@SKU", "'-2+3"), List.of("PLAIN", "a = b")),
        rows.stream().skip(1).map(r -> r.subList(0, 2)).collect(Collectors.toSet()), "ordinary text untouched");
  }

  @Test
  void anotherTenantsProductsAndChannelsNeverAppear() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Mine", "STARTER");
    var other = TestTenant.create(base.toURI(), "Theirs", "STARTER");
    String theirs = other.product("THEIR-SECRET-SKU", 9);
    other.mapping(theirs, other.channel("SHOPIFY", "Their channel", 0), "their-ext");

    var empty = shop.user().get(EXPORT);
    assertEquals(200, empty.status());
    assertEquals("sku,name,on_hand,low_stock_threshold\r\n", empty.body(), "a new shop: the header alone");
    shop.product("MINE-1", 1);
    String mine = shop.user().get(EXPORT).body();
    assertTrue(mine.contains("MINE-1"));
    assertFalse(mine.contains("THEIR-SECRET-SKU") || mine.contains("Their channel"), mine);
    assertFalse(other.user().get(EXPORT).body().contains("MINE-1"));
  }

  @Test
  void manyProductsStreamAcrossCursorFetchesInOrder() throws Exception {
    var shop = TestTenant.create(base.toURI(), "Bulk", "STARTER");
    String channel = shop.channel("SQUARE", "Square", 1);
    int count = 3 * ProductExportQuery.FETCH_SIZE + 7;
    sql("INSERT INTO product (id, tenant_id, sku, name, on_hand) SELECT gen_random_uuid(), '" + shop.id()
        + "', 'BULK-' || lpad(g::text, 5, '0'), 'Bulk ' || g, g FROM generate_series(1, " + count + ") g");
    sql("INSERT INTO channel_mapping (id, tenant_id, product_id, channel_id, external_id) SELECT gen_random_uuid(),"
        + " tenant_id, id, '" + channel + "', sku FROM product WHERE tenant_id = '" + shop.id() + "'");

    var rows = parse(shop.user().get(EXPORT).body());
    assertEquals(count + 1, rows.size(), "header and every product once");
    for (int i = 1; i <= count; i++) {
      var row = rows.get(i);
      assertEquals(String.format("BULK-%05d", i), row.get(0));
      assertEquals(String.valueOf(i - 1), row.get(4), "expected = on-hand - buffer on " + row);
    }
  }

  @Test
  void needsATenantToken() throws Exception {
    assertEquals(401, new Api(base.toURI()).get(EXPORT).status());
    assertEquals(403, new Api(base.toURI()).asPlatformAdmin().get(EXPORT).status(), "platform admins have no shop");
  }

  private static String product(TestTenant shop, String sku, String name, long onHand, Integer lowStock) {
    var json = Json.createObjectBuilder().add("sku", sku).add("name", name).add("onHand", onHand);
    if (lowStock != null) {
      json.add("lowStockThreshold", lowStock);
    }
    var created = shop.admin().post("api/v1/products", json.build().toString());
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static void sql(String statement) throws Exception {
    try (var c = TestStack.jdbc(); var s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static List<List<String>> parse(String csv) throws IOException {
    try (var parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
      var rows = new ArrayList<List<String>>();
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
      return rows;
    }
  }
}
