package io.stocksync.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One connected channel. Secrets are stored sealed (see SecretCipher); this class never sees them in clear. A
 * rotated webhook secret stays valid until {@code previousSecretUntil}, so deliveries signed with it still verify.
 */
@Entity
@Table(name = "channel")
public class Channel {

  @Id
  private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ChannelType type;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "api_base_url")
  private String apiBaseUrl;

  @Column(name = "credentials_enc")
  private byte[] credentialsSealed;

  @Column(name = "webhook_secret_enc")
  private byte[] webhookSecretSealed;

  @Column(name = "previous_secret_enc")
  private byte[] previousSecretSealed;

  @Column(name = "previous_secret_until")
  private OffsetDateTime previousSecretUntil;

  @Column(name = "buffer_stock", nullable = false)
  private int bufferStock;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ChannelHealth health;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected Channel() {}

  public Channel(UUID tenantId, ChannelType type, String displayName, String apiBaseUrl, int bufferStock) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.type = type;
    this.displayName = displayName;
    this.apiBaseUrl = apiBaseUrl;
    this.bufferStock = bufferStock;
    this.health = ChannelHealth.CONNECTED;
    this.createdAt = OffsetDateTime.now();
    this.updatedAt = createdAt;
  }

  /** The authenticated-data context of a sealed field: binds the ciphertext to this tenant, row and field. */
  public String sealContext(String field) {
    return tenantId + "/channel/" + id + "/" + field;
  }

  public void rename(String name) {
    displayName = name;
    touch();
  }

  public void pointAt(String baseUrl) {
    apiBaseUrl = baseUrl;
    touch();
  }

  public void holdBack(int buffer) {
    bufferStock = buffer;
    touch();
  }

  public void replaceCredentials(byte[] sealed) {
    credentialsSealed = sealed;
    touch();
  }

  public void setWebhookSecret(byte[] sealed) {
    webhookSecretSealed = sealed;
    touch();
  }

  /** The current secret becomes the previous one, accepted until {@code graceUntil}. */
  public void rotateWebhookSecret(byte[] newSealed, OffsetDateTime graceUntil) {
    previousSecretSealed = webhookSecretSealed;
    previousSecretUntil = webhookSecretSealed == null ? null : graceUntil;
    webhookSecretSealed = newSealed;
    touch();
  }

  /**
   * Passes every sealed field through {@code reseal} (ciphertext, context -> ciphertext), for key rotation; the
   * secrets themselves do not change. Answers whether any field got a new ciphertext.
   */
  public boolean reseal(java.util.function.BiFunction<byte[], String, byte[]> reseal) {
    byte[] credentials = resealed(credentialsSealed, "credentials", reseal);
    byte[] secret = resealed(webhookSecretSealed, "webhook_secret", reseal);
    byte[] previous = resealed(previousSecretSealed, "webhook_secret", reseal);
    boolean changed = credentials != credentialsSealed || secret != webhookSecretSealed
        || previous != previousSecretSealed;
    credentialsSealed = credentials;
    webhookSecretSealed = secret;
    previousSecretSealed = previous;
    return changed;
  }

  private byte[] resealed(byte[] sealed, String field,
      java.util.function.BiFunction<byte[], String, byte[]> reseal) {
    return sealed == null ? null : reseal.apply(sealed, sealContext(field));
  }

  private void touch() {
    updatedAt = OffsetDateTime.now();
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public ChannelType type() {
    return type;
  }

  public String displayName() {
    return displayName;
  }

  public String apiBaseUrl() {
    return apiBaseUrl;
  }

  public byte[] credentialsSealed() {
    return credentialsSealed;
  }

  public byte[] webhookSecretSealed() {
    return webhookSecretSealed;
  }

  public byte[] previousSecretSealed() {
    return previousSecretSealed;
  }

  public OffsetDateTime previousSecretUntil() {
    return previousSecretUntil;
  }

  public int bufferStock() {
    return bufferStock;
  }

  public ChannelHealth health() {
    return health;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
