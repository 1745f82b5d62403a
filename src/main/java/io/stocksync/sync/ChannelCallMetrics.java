package io.stocksync.sync;

import io.stocksync.channel.ChannelType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Channel call latency and outcome, tagged by channel type and outcome only (bounded cardinality: never by
 * tenant or channel id). Prometheus: {@code channel_push_seconds{channelType,outcome}}.
 */
@ApplicationScoped
public class ChannelCallMetrics {

  @Inject
  MetricRegistry metrics;

  void record(ChannelType type, String outcome, long millis) {
    metrics.timer("channel_push", new Tag("channelType", type.name()), new Tag("outcome", outcome))
        .update(Duration.ofMillis(millis));
  }
}
