package io.stocksync.intake;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.WebhookFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The webhook format of each channel type (every WebhookFormat bean registers itself by its type). */
@ApplicationScoped
public class Formats {

  private final Map<ChannelType, WebhookFormat> byType = new EnumMap<>(ChannelType.class);

  @Inject
  void collect(Instance<WebhookFormat> formats) {
    formats.forEach(f -> byType.put(f.type(), f));
  }

  public Optional<WebhookFormat> of(ChannelType type) {
    return Optional.ofNullable(byType.get(type));
  }
}
