package io.stocksync.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints development tokens signed with the dev key pair (src/test/resources/dev-jwt/private.pem; the servers of
 * the run and test commands trust liberty-config/dev-jwt/public.pem). Never for production: production trusts its
 * identity provider's key instead.
 *
 * <p>Command line: {@code mvn -q test-compile exec:java@token -Dtoken.role=tenant-admin -Dtoken.tenant=<uuid>}
 */
public final class DevToken {

  public static final String ISSUER = "https://stocksync.local/dev";
  private static final RSAPrivateKey KEY = loadKey();

  private DevToken() {}

  /** A token for a role; tenantId may be null (platform admins have no tenant). */
  public static String mint(String role, UUID tenantId, String subject, Duration ttl) {
    Instant now = Instant.now();
    var claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .claim("upn", subject)
        .claim("groups", List.of(role))
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)));
    if (tenantId != null) {
      claims.claim("tenant_id", tenantId.toString());
    }
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
        claims.build());
    try {
      jwt.sign(new RSASSASigner(KEY));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  public static String mint(String role, UUID tenantId) {
    return mint(role, tenantId, role + (tenantId == null ? "" : "@" + tenantId), Duration.ofHours(8));
  }

  public static void main(String[] args) {
    String role = System.getProperty("token.role", "platform-admin");
    String tenant = System.getProperty("token.tenant", "");
    System.out.println(mint(role, tenant.isBlank() ? null : UUID.fromString(tenant),
        System.getProperty("token.subject", "dev-" + role), Duration.ofHours(8)));
  }

  /** The dev key: PKCS#8 PEM, read with the JDK's own key factory. */
  private static RSAPrivateKey loadKey() {
    try (InputStream in = DevToken.class.getResourceAsStream("/dev-jwt/private.pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      return (RSAPrivateKey) KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("dev private key unreadable", e);
    }
  }
}
