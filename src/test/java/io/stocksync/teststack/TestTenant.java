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
    return channel(type, name, buffer, "https://shop.example/api", "token-of-" + name, "whsec-" + name);
  }

  /** Connects a channel whose API lives at baseUrl (a stand-in) and answers its id. */
  public String channel(String type, String name, int buffer, String baseUrl, String credentials,
      String webhookSecret) {
    var r = admin.post("api/v1/channels", "{\"type\":\"" + type + "\",\"displayName\":\"" + name
        + "\",\"apiBaseUrl\":\"" + baseUrl + "\",\"bufferStock\":" + buffer + ",\"credentials\":\"" + credentials
        + "\",\"webhookSecret\":\"" + webhookSecret + "\"}");
    return idOf(r);
  }

  /** Maps a product on a channel and answers the mapping id. */
  public String mapping(String productId, String channelId, String externalId) {
    var r = admin.post("api/v1/mappings", "{\"productId\":\"" + productId + "\",\"channelId\":\"" + channelId
        + "\",\"externalId\":\"" + externalId + "\"}");
    return idOf(r);
  }

  /** Maps a product on a channel at one of the channel's locations and answers the mapping id. */
  public String mapping(String productId, String channelId, String externalId, String externalLocationId) {
    var r = admin.post("api/v1/mappings", "{\"productId\":\"" + productId + "\",\"channelId\":\"" + channelId
        + "\",\"externalId\":\"" + externalId + "\",\"externalLocationId\":\"" + externalLocationId + "\"}");
    return idOf(r);
  }

  /** The product's on-hand now. */
  public long onHand(String productId) {
    return user.get("api/v1/products/" + productId).json().getJsonNumber("onHand").longValue();
  }

  private static String idOf(Api.Response r) {
    if (r.status() != 201) {
      throw new AssertionError("not created: " + r.status() + " " + r.body());
    }
    return r.json().getString("id");
  }
}
