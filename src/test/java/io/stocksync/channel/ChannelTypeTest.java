package io.stocksync.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ChannelTypeTest {

  @Test
  void shopifyIdsAreKeptAsTheBareNumberItsWebhooksSend() {
    assertEquals("808950810", ChannelType.SHOPIFY.canonicalId("gid://shopify/InventoryItem/808950810"));
    assertEquals("39072856", ChannelType.SHOPIFY.canonicalId("gid://shopify/ProductVariant/39072856"));
    assertEquals("655441491", ChannelType.SHOPIFY.canonicalId("gid://shopify/Location/655441491"));
    assertEquals("808950810", ChannelType.SHOPIFY.canonicalId("808950810"));
    assertNull(ChannelType.SHOPIFY.canonicalId(null));
  }

  @Test
  void anythingElseIsKeptAsGiven() {
    assertEquals("gid://other/Item/1", ChannelType.SHOPIFY.canonicalId("gid://other/Item/1"));
    assertEquals("gid://shopify/InventoryItem/1/extra", ChannelType.SHOPIFY.canonicalId(
        "gid://shopify/InventoryItem/1/extra"));
    assertEquals("gid://shopify/InventoryItem/1", ChannelType.GENERIC.canonicalId("gid://shopify/InventoryItem/1"));
    assertEquals("PLU-77", ChannelType.DELIVEROO.canonicalId("PLU-77"));
  }
}
