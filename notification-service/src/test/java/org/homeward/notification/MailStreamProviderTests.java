package org.homeward.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/** The class named for Jakarta Mail must be the implementation on the class path, or every message would fail. */
class MailStreamProviderTests {

    @Test
    void theNamedStreamProviderIsTheOneOnTheClassPath() throws Exception {
        var named = Class.forName(NotificationApplication.ANGUS_STREAM_PROVIDER);

        assertThat(StreamProvider.class).isAssignableFrom(named);
        assertThat(StreamProvider.provider()).isInstanceOf(named);
    }
}
