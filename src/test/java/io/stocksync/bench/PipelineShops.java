package io.stocksync.bench;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.channel.standin.SquareStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.channel.webhook.VendorSigner;
import io.stocksync.teststack.Api;
import io.stocksync.teststack.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark shops created through the API like a real tenant would be: each tenant has Shopify (where the orders
 * come from), WooCommerce and Square, all three on the benchmark JVM's stand-ins with buffer 0, and every product
 * mapped on all three. Orders arrive as signed Shopify orders/create webhooks of one unit, so the level each
 * pushed channel should end at is known; item ids are unique across tenants because the stand-ins are shared.
 */
final class PipelineShops {

  static final long INITIAL = 1_000_000;
  private static final AtomicLong ITEM_IDS = new AtomicLong(System.currentTimeMillis() % 100_000 * 100_000);

  /** One product of one shop and the stand-in keys its level is pushed to. */
  record Product(String id, String sku, String wooItem, String squareItem, LevelArrivals.Track track) {}

  /** One tenant: its Shopify channel's webhook address and secret, its products. */
  record Shop(TestTenant tenant, URI webhook, String secret, List<Product> products, AtomicLong next) {

    Product nextProduct() {
      return products.get((int) (next.getAndIncrement() % products.size()));
    }
  }

  final ShopifyStandIn shopify = new ShopifyStandIn();
  final WooCommerceStandIn woo = new WooCommerceStandIn();
  final SquareStandIn square = new SquareStandIn();
  final LevelArrivals arrivals = new LevelArrivals();
  private final URI app;
  private final List<Shop> created = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong orderIds = new AtomicLong(System.currentTimeMillis() * 1000);

  PipelineShops(URI app) {
    this.app = app;
    woo.onLevel(arrivals::written);
    square.onLevel(arrivals::written);
  }

  /** Creates {@code tenants} shops of {@code products} products each, four tenants at a time. */
  List<Shop> create(String label, int tenants, int products, long initial) throws Exception {
    var pool = Executors.newFixedThreadPool(4);
    try {
      var calls = new ArrayList<Future<Shop>>();
      for (int t = 0; t < tenants; t++) {
        int n = t;
        calls.add(pool.submit((Callable<Shop>) () -> shop(label + " " + n, products, initial)));
      }
      var shops = new ArrayList<Shop>();
      for (var call : calls) {
        shops.add(call.get());
      }
      return shops;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Moves a shop to another tier (platform admin), e.g. FREE, whose webhooks per minute the Watcher enforces. */
  void changeTier(Shop shop, String tier) {
    var answer = new io.stocksync.teststack.Api(app).asPlatformAdmin()
        .patch("api/v1/tenants/" + shop.tenant().id(), "{\"tier\":\"" + tier + "\"}");
    if (answer.status() != 200) {
      throw new IllegalStateException("tier change refused: " + answer.status() + " " + answer.body());
    }
  }

  /** The server's count of deliveries deferred over a tier's webhooks per minute (stocksync_webhooks_deferred). */
  long deferredSoFar() {
    var metrics = new io.stocksync.teststack.Api(app.resolve("/")).get("metrics?scope=application").body();
    return (long) io.stocksync.teststack.Metrics.value(metrics, "stocksync_webhooks_deferred_total", "");
  }

  private Shop shop(String name, int products, long initial) {
    var tenant = TestTenant.create(app, name + " " + run, "ENTERPRISE");
    long base = ITEM_IDS.addAndGet(1_000);
    String secret = "shpss_bench_" + base;
    String shopifyChannel = tenant.channel("SHOPIFY", "Shopify", 0, shopify.baseUrl(), ShopifyStandIn.TOKEN,
        secret);
    String wooChannel = tenant.channel("WOOCOMMERCE", "Woo", 0, woo.baseUrl(), WooCommerceStandIn.credentials(),
        "woo-" + base);
    String squareChannel = tenant.channel("SQUARE", "Square", 0, square.baseUrl(), SquareStandIn.TOKEN,
        "sq-" + base);
    var list = new ArrayList<Product>();
    for (int p = 0; p < products; p++) {
      String sku = "BENCH-" + base + "-" + p;
      String product = tenant.product(sku, initial);
      String shopifyItem = Long.toString(base + 3 * p);
      String wooItem = Long.toString(base + 3 * p + 1);
      String squareItem = "SQ" + (base + 3 * p + 2);
      shopify.setLevel(shopifyItem, initial);
      woo.setLevel(wooItem, initial);
      square.setLevel(squareItem, initial);
      tenant.mapping(product, shopifyChannel, shopifyItem, ShopifyStandIn.LOCATION);
      tenant.mapping(product, wooChannel, wooItem);
      tenant.mapping(product, squareChannel, squareItem, SquareStandIn.LOCATION);
      list.add(new Product(product, sku, wooItem, squareItem, arrivals.track(initial, wooItem, squareItem)));
    }
    var shop = new Shop(tenant, app.resolve("api/v1/webhooks/" + shopifyChannel), secret, List.copyOf(list),
        new AtomicLong());
    created.add(shop);
    return shop;
  }

  /** A signed Shopify orders/create for one unit of the product, as Shopify sends it (fields that matter). */
  HttpRequest order(Shop shop, Product product) {
    long orderId = orderIds.incrementAndGet();
    String body = """
        {"id":%d,"admin_graphql_api_id":"gid://shopify/Order/%d","created_at":"%s","financial_status":"paid",\
        "line_items":[{"id":%d,"variant_id":%d,"product_id":788032119674292922,"sku":"%s","quantity":1,\
        "current_quantity":1,"name":"Item %s","price":"10.00"}]}"""
        .formatted(orderId, orderId, Instant.now(), orderId * 10, 40_000_000_000L + product.sku().hashCode(),
            product.sku(), product.sku());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var request = HttpRequest.newBuilder(shop.webhook()).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    VendorSigner.shopifyHeaders("orders/create", "bench-" + run + "-" + orderId, bytes, shop.secret())
        .forEach(request::header);
    return request.build();
  }

  /**
   * Pauses the benchmark's tenants, then stops the stand-ins. The tenants stay in the database; paused, they push
   * nothing more to stand-ins that are gone (which would fail, and the vendor's circuit breaker is shared by every
   * channel of that vendor: a later run's pushes would find it open). Once only; also run on Ctrl-C or kill.
   */
  void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    var platform = new Api(app).asPlatformAdmin();
    for (var shop : created) {
      try {
        platform.post("api/v1/tenants/" + shop.tenant().id() + "/pause", "{}");
      } catch (RuntimeException e) {
        System.out.println("could not pause tenant " + shop.tenant().id() + ": " + e);
      }
    }
    shopify.close();
    woo.close();
    square.close();
  }
}
