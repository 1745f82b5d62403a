package io.stocksync.alert.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a tenant may point its notifications (server-side request forgery guard): an absolute https URL (http
 * only where allowed) without user info, whose host resolves to public addresses only ({@link TargetAddresses}).
 * Checked when the URL is set and again before every attempt, on what the name resolves to then, because a name can
 * be pointed at an internal address after it was accepted (DNS rebinding). A host that does not resolve is accepted
 * when set (the check before sending refuses it while it does not) so that a receiver can be configured before its
 * DNS exists.
 */
@ApplicationScoped
public class NotificationTargets {

  /** Resolves a host name the way the HTTP client will. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  @Inject
  @ConfigProperty(name = "stocksync.alerts.notify.allow-private-targets", defaultValue = "false")
  boolean allowPrivateTargets;

  @Inject
  @ConfigProperty(name = "stocksync.alerts.notify.allow-http", defaultValue = "false")
  boolean allowHttp;

  Resolver resolver = InetAddress::getAllByName;

  NotificationTargets() {}

  NotificationTargets(boolean allowPrivateTargets, boolean allowHttp, Resolver resolver) {
    this.allowPrivateTargets = allowPrivateTargets;
    this.allowHttp = allowHttp;
    this.resolver = resolver;
  }

  /** Why a tenant may not set this URL, or empty when it may. */
  public Optional<String> refusalToSet(String url) {
    return refusal(url, false);
  }

  /** Why nothing may be sent to this URL now (it resolves to a forbidden address, or not at all), or empty. */
  public Optional<String> refusalToSend(String url) {
    return refusal(url, true);
  }

  private Optional<String> refusal(String url, boolean mustResolve) {
    try {
      return resolvedRefusal(parse(url), mustResolve);
    } catch (Refused r) {
      return Optional.of(r.getMessage());
    }
  }

  private URI parse(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("the notification URL is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
      throw new Refused(allowHttp ? "the notification URL must be http or https"
          : "the notification URL must be https (plain http is not allowed on this server)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("the notification URL must not carry user info (user:password@)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Refused("the notification URL has no host");
    }
    if (uri.getHost().contains("%")) {
      throw new Refused("the notification URL must not name a network interface (IPv6 zone id)");
    }
    return uri;
  }

  private Optional<String> resolvedRefusal(URI uri, boolean mustResolve) {
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      // Only a name may resolve later; an address literal that does not parse never will.
      return mustResolve || host.startsWith("[") ? Optional.of("the notification host " + host + " does not resolve")
          : Optional.empty();
    }
    if (allowPrivateTargets) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      Optional<String> kind = TargetAddresses.forbiddenKind(address);
      if (kind.isPresent()) {
        return Optional.of("the notification host " + host + " resolves to " + address.getHostAddress()
            + ", a " + kind.get() + " address; notifications go to public addresses only");
      }
    }
    return Optional.empty();
  }

  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
