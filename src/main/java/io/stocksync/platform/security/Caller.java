package io.stocksync.platform.security;

import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of this request, read from the verified token. */
@RequestScoped
public class Caller {

  /** The claim that names the caller's tenant. */
  public static final String TENANT_CLAIM = "tenant_id";

  // The principal, not an injected JsonWebToken: injecting one on an unauthenticated request (a webhook) makes
  // Liberty log an error for every call.
  @Inject
  Instance<HttpServletRequest> request;

  private JsonWebToken token() {
    try {
      return request.get().getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    } catch (RuntimeException notInAnHttpRequest) {
      return null;
    }
  }

  /** The caller's tenant. Every tenant-scoped query takes it from here, never from the request. */
  public UUID tenantId() {
    return tenant().orElseThrow(() -> ProblemException.forbidden("the token carries no tenant"));
  }

  public Optional<UUID> tenant() {
    var token = token();
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
    var token = token();
    if (token == null || token.getName() == null) {
      return "anonymous";
    }
    return token.getName();
  }

  public boolean isPlatformAdmin() {
    var token = token();
    return token != null && token.getGroups() != null && token.getGroups().contains(Roles.PLATFORM_ADMIN);
  }
}
