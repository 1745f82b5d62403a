package io.stocksync.alert.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where to send the tenant's alert notifications: an https URL on the public internet. */
public record NotificationUrlRequest(@NotBlank @Size(max = 2000) String url) {}
