package io.stocksync.platform.security;

/** The roles a token's "groups" claim may carry. */
public final class Roles {

  public static final String TENANT_USER = "tenant-user";
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String PLATFORM_ADMIN = "platform-admin";

  private Roles() {}
}
