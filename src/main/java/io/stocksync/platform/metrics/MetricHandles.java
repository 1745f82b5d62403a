package io.stocksync.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Tagged counters and timers looked up once and then kept: the registry's lookup takes a lock, and on the webhook
 * path every request counts itself (thread dumps under load showed intake threads queued on that lock). Tag values
 * are bounded (channel type, outcome), so the handles are few.
 */
@ApplicationScoped
public class MetricHandles {

  @Inject
  MetricRegistry registry;

  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  public Counter counter(String name, Tag... tags) {
    return counters.computeIfAbsent(key(name, tags), k -> registry.counter(name, tags));
  }

  public Timer timer(String name, Tag... tags) {
    return timers.computeIfAbsent(key(name, tags), k -> registry.timer(name, tags));
  }

  private static String key(String name, Tag[] tags) {
    var key = new StringBuilder(name);
    for (Tag tag : tags) {
      key.append('|').append(tag.getTagName()).append('=').append(tag.getTagValue());
    }
    return key.toString();
  }
}
