package io.stocksync.teststack;

import io.stocksync.devstack.DevToken;
import java.net.URI;
import java.util.UUID;

/** A tenant created through the platform API, with clients for its admin and its (read-only) user. */
public record TestTenant(UUID id, Api admin, Api user) {

  public static TestTenant create(URI base, String name, String tier) {
    var platform = new Api(base).asPlatformAdmin();
    var created = platform.post("api/v1/tenants", "{\"name\":\"" + name + "\",\"tier\":\"" + tier + "\"}");
    if (created.status() != 201) {
      throw new AssertionError("tenant not created: " + created.status() + " " + created.body());
    }
    UUID id = UUID.fromString(created.json().getString("id"));
    return new TestTenant(id, new Api(base).as(DevToken.mint("tenant-admin", id)),
        new Api(base).as(DevToken.mint("tenant-user", id)));
  }

  /** Creates a product and answers its id. */
  public String product(String sku, long onHand) {
    var r = admin.post("api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"Product " + sku + "\",\"onHand\":"
        + onHand + "}");
    return idOf(r);
  }

  /** Connects a channel and answers its id. */
  public String channel(String type, String name, int buffer) {
    var r = admin.post("api/v1/channels", "{\"type\":\"" + type + "\",\"displayName\":\"" + name
        + "\",\"apiBaseUrl\":\"https://shop.example/api\",\"bufferStock\":" + buffer
        + ",\"credentials\":\"token-of-" + name + "\",\"webhookSecret\":\"whsec-" + name + "\"}");
    return idOf(r);
  }

  /** Maps a product on a channel and answers the mapping id. */
  public String mapping(String productId, String channelId, String externalId) {
    var r = admin.post("api/v1/mappings", "{\"productId\":\"" + productId + "\",\"channelId\":\"" + channelId
        + "\",\"externalId\":\"" + externalId + "\"}");
    return idOf(r);
  }

  private static String idOf(Api.Response r) {
    if (r.status() != 201) {
      throw new AssertionError("not created: " + r.status() + " " + r.body());
    }
    return r.json().getString("id");
  }
}
