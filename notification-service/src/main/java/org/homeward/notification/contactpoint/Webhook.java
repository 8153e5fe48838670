package org.homeward.notification.contactpoint;

import java.util.Objects;

/**
 * A contact point's webhook: where alerts are posted and the secret their HMAC-SHA256 signature is made with.
 *
 * @param url an https URL (http only on the devstack's loopback)
 * @param secret the shared signing secret; never shown again after the contact point is created
 */
public record Webhook(String url, String secret) {

    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Webhook[url=" + url + ", secret=redacted]";
    }
}
