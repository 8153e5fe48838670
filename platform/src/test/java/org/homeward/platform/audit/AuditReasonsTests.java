package org.homeward.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class AuditReasonsTests {

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void removesControlAndBidirectionalCharacters() {
        assertThat(AuditReasons.sanitize("case review\r\nFORGED line\u202Eesrever\u0000"))
                .isEqualTo("case reviewFORGED lineesrever");
    }

    @Test
    void keepsAtMostTwoHundredCharacters() {
        var emoji = "\uD83D\uDE00";
        var sanitized = AuditReasons.sanitize("a".repeat(199) + emoji + "b".repeat(50));

        assertThat(sanitized).isEqualTo("a".repeat(199) + emoji);
        assertThat(sanitized.codePointCount(0, sanitized.length())).isEqualTo(AuditReasons.MAX_LENGTH);
    }

    @Test
    void treatsBlankReasonsAsNone() {
        assertThat(AuditReasons.sanitize(null)).isNull();
        assertThat(AuditReasons.sanitize(" \t\n ")).isNull();
    }

    @Test
    void readsTheReasonOfTheCurrentRequest() {
        assertThat(AuditReasons.current()).isNull();

        var request = new MockHttpServletRequest();
        request.addHeader("Homeward-Reason", " tracing request 42 ");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(AuditReasons.current()).isEqualTo("tracing request 42");
    }
}
