package io.stocksync.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.stocksync.channel.ChannelType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * One circuit breaker per channel (Resilience4j's registry, keyed by channel id): a shop whose API is down stops
 * being called for a while without stopping any other shop of the same vendor. MicroProfile Fault Tolerance's
 * breakers on the vendor writers stay as the vendor-wide guard; they are one per method, so they cannot do this.
 * Rate limits and refused credentials are not failures here (they are the shop's quota or configuration, handled
 * by parking until Retry-After and by CHANNEL_DOWN). Metrics by channel type only:
 * {@code stocksync_channel_breaker_transitions_total{channel_type,to}} and
 * {@code stocksync_channel_breakers_open{channel_type}}.
 */
@ApplicationScoped
public class ChannelBreakers {

  @Inject
  @ConfigProperty(name = "stocksync.channel-breaker.failure-rate", defaultValue = "50")
  float failureRate;

  @Inject
  @ConfigProperty(name = "stocksync.channel-breaker.window-calls", defaultValue = "10")
  int windowCalls;

  @Inject
  @ConfigProperty(name = "stocksync.channel-breaker.minimum-calls", defaultValue = "5")
  int minimumCalls;

  @Inject
  @ConfigProperty(name = "stocksync.channel-breaker.open-seconds", defaultValue = "30")
  int openSeconds;

  @Inject
  MetricRegistry metrics;

  private CircuitBreakerRegistry registry;

  @PostConstruct
  void create() {
    registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .failureRateThreshold(failureRate)
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(windowCalls)
        .minimumNumberOfCalls(minimumCalls)
        .waitDurationInOpenState(Duration.ofSeconds(openSeconds))
        .permittedNumberOfCallsInHalfOpenState(1)
        .build());
    registry.getEventPublisher().onEntryAdded(added -> {
      var breaker = added.getAddedEntry();
      String type = breaker.getTags().get("channel_type");
      breaker.getEventPublisher().onStateTransition(t -> metrics.counter("stocksync_channel_breaker_transitions",
          new Tag("channel_type", type), new Tag("to", t.getStateTransition().getToState().name())).inc());
    });
    for (var type : ChannelType.values()) {
      metrics.gauge("stocksync_channel_breakers_open", () -> openOf(type), new Tag("channel_type", type.name()));
    }
  }

  public CircuitBreaker of(UUID channelId, ChannelType type) {
    return registry.circuitBreaker(channelId.toString(), registry.getDefaultConfig(),
        Map.of("channel_type", type.name()));
  }

  private long openOf(ChannelType type) {
    return registry.getAllCircuitBreakers().stream()
        .filter(b -> type.name().equals(b.getTags().get("channel_type")))
        .filter(b -> b.getState() == CircuitBreaker.State.OPEN || b.getState() == CircuitBreaker.State.HALF_OPEN)
        .count();
  }
}
