package io.stocksync.sync;

import io.stocksync.channel.ChannelType;
import io.stocksync.platform.metrics.MetricHandles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Channel call latency and outcome, tagged by channel type and outcome only (bounded cardinality: never by
 * tenant or channel id). Prometheus: {@code stocksync_channel_push_seconds{channel_type,outcome}}.
 */
@ApplicationScoped
public class ChannelCallMetrics {

  @Inject
  MetricHandles metrics;

  void record(ChannelType type, String outcome, long millis) {
    metrics.timer("stocksync_channel_push", new Tag("channel_type", type.name()), new Tag("outcome", outcome))
        .update(Duration.ofMillis(millis));
  }
}
