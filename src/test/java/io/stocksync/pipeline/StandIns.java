package io.stocksync.pipeline;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.channel.standin.SquareStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three vendor APIs a {@link Shop} sells on, running for the duration of a test class:
 * {@code @RegisterExtension static final StandIns vendors = new StandIns();}.
 */
final class StandIns implements BeforeAllCallback, AfterAllCallback {

  private static final Duration SETTLE = Duration.ofSeconds(45);

  private ShopifyStandIn shopify;
  private WooCommerceStandIn woo;
  private SquareStandIn square;

  @Override
  public void beforeAll(ExtensionContext context) {
    shopify = new ShopifyStandIn();
    woo = new WooCommerceStandIn();
    square = new SquareStandIn();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    shopify.close();
    woo.close();
    square.close();
  }

  ShopifyStandIn shopify() {
    return shopify;
  }

  WooCommerceStandIn woo() {
    return woo;
  }

  SquareStandIn square() {
    return square;
  }

  Shop shop(URI base, String name, long onHand) {
    return Shop.open(base, name, onHand, shopify, woo, square);
  }

  /** Waits until the shop's product shows these levels on the WooCommerce and Square stand-ins. */
  void awaitLevels(Shop shop, long woo, long square) {
    await().atMost(SETTLE).until(() -> woo().level(shop.wooItem()), equalTo(woo));
    await().atMost(SETTLE).until(() -> square().level(shop.squareItem()), equalTo(square));
  }
}
