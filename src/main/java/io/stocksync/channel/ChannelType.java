package io.stocksync.channel;

import java.util.regex.Pattern;

public enum ChannelType {
  SHOPIFY {
    /**
     * Shopify names one item "808950810" in its webhooks and "gid://shopify/InventoryItem/808950810" in GraphQL:
     * mappings keep the bare number, the form webhooks are matched against (the writers add the gid back).
     */
    @Override
    public String canonicalId(String id) {
      if (id == null) {
        return null;
      }
      var gid = SHOPIFY_GID.matcher(id);
      return gid.matches() ? gid.group(1) : id;
    }
  },
  WOOCOMMERCE, SQUARE, DELIVEROO, WIX, EPOSNOW, GENERIC;

  private static final Pattern SHOPIFY_GID = Pattern.compile("gid://shopify/[A-Za-z]+/([^/?#]+)");

  /** The one form in which this channel's item, variant and location ids are stored and matched. */
  public String canonicalId(String id) {
    return id;
  }
}
