package org.homeward.notification.delivery;

import org.homeward.notification.notification.CaseRef;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Links into the gateway UI that alerts carry instead of any detail of the child ({@code homeward.notification}).
 *
 * @param caseLinkBase the UI's base URL, without a trailing slash
 */
@ConfigurationProperties("homeward.notification")
record AlertLinks(
        @DefaultValue("https://homeward.example/ui") String caseLinkBase) {

    String forMatch(@Nullable String matchId) {
        return matchId == null ? caseLinkBase : caseLinkBase + "/matches/" + matchId;
    }

    String forRecord(CaseRef record) {
        return caseLinkBase + "/records/" + record.country() + "/" + record.recordId();
    }

    String forNotification(String notificationId) {
        return caseLinkBase + "/notifications/" + notificationId;
    }
}
