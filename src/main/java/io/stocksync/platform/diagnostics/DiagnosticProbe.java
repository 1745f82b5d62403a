package io.stocksync.platform.diagnostics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A probe that made the whole round trip. (JPA 3.1 maps OffsetDateTime, not Instant.) */
@Entity
@Table(name = "diagnostic_probe")
public class DiagnosticProbe {

  @Id
  private UUID id;

  @Column(name = "sent_at", nullable = false)
  private OffsetDateTime sentAt;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  @Column(name = "delivery_count", nullable = false)
  private int deliveryCount;

  @Column(name = "request_id")
  private String requestId;

  protected DiagnosticProbe() {}

  DiagnosticProbe(ProbeMessage message, int deliveryCount, Instant receivedAt) {
    this.id = message.probeId();
    this.sentAt = message.sentAt().atOffset(ZoneOffset.UTC);
    this.requestId = message.requestId();
    this.deliveryCount = deliveryCount;
    this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
  }

  public UUID getId() {
    return id;
  }

  public Instant getSentAt() {
    return sentAt.toInstant();
  }

  public Instant getReceivedAt() {
    return receivedAt.toInstant();
  }

  public int getDeliveryCount() {
    return deliveryCount;
  }

  public String getRequestId() {
    return requestId;
  }
}
