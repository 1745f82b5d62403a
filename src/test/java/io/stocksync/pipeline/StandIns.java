package io.stocksync.pipeline;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.channel.standin.SquareStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three vendor APIs a {@link Shop} sells on, running for the duration of a test class:
 * {@code @RegisterExtension static final StandIns vendors = new StandIns();}.
 */
final class StandIns implements BeforeAllCallback, AfterAllCallback {

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
}
