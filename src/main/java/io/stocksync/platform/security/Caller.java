package io.stocksync.platform.security;

import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of this request, read from the verified token. */
@RequestScoped
public class Caller {

  /** The claim that names the caller's tenant. */
  public static final String TENANT_CLAIM = "tenant_id";

  @Inject
  JsonWebToken token;

  /** The caller's tenant. Every tenant-scoped query takes it from here, never from the request. */
  public UUID tenantId() {
    return tenant().orElseThrow(() -> ProblemException.forbidden("the token carries no tenant"));
  }

  public Optional<UUID> tenant() {
    String claim = token == null ? null : token.getClaim(TENANT_CLAIM);
    if (claim == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(claim));
    } catch (IllegalArgumentException e) {
      throw ProblemException.forbidden("the token's tenant is not a valid id");
    }
  }

  /** Who to name in the audit log. */
  public String name() {
    if (token == null || token.getName() == null) {
      return "anonymous";
    }
    return token.getName();
  }

  public boolean isPlatformAdmin() {
    return token != null && token.getGroups() != null && token.getGroups().contains(Roles.PLATFORM_ADMIN);
  }
}
