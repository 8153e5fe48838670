package org.homeward.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestTokens;

/** Creates contact points through the API, as a country's supervisor would, and returns what the tests need. */
public final class Directory {

    /** A created contact point: its id and, if it has a webhook, the secret shown once. */
    public record Created(String id, String webhookSecret) {}

    private final ServiceApi api;

    public Directory(ServiceApi api) {
        this.api = api;
    }

    public Created create(String country, ContactPointRequests request) {
        var response = api.call("POST", "/api/v1/contact-points")
                .token(TestTokens.supervisor(country))
                .json(request.json())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var json = response.json();
        var secret = json.get("webhookSecret");
        return new Created(json.get("id").asString(), secret == null || secret.isNull() ? "" : secret.asString());
    }
}
