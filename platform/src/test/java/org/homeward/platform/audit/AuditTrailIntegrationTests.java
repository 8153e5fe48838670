package org.homeward.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.homeward.platform.audit.AuditTestApplication.SteppingClock;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@SpringBootTest
@RealServers
class AuditTrailIntegrationTests {

    private static final Caller CASEWORKER = new Caller("cw-pl-1", "PL", Set.of(Role.CASEWORKER));
    private static final Caller NCP = new Caller("ncp-ua-1", "UA", Set.of(Role.NCP));

    @Autowired
    AuditTrail trail;

    @Autowired
    SteppingClock clock;

    private final String record = "record-" + UUID.randomUUID();

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void appendsEntriesStampedByTheClockAndFindsThemNewestFirst() {
        var first = clock.advance(Duration.ofMinutes(1));
        trail.record(CASEWORKER, AuditAction.CREATE, "childRecord", record, null);
        clock.advance(Duration.ofMinutes(1));
        trail.record(NCP, AuditAction.READ, "childRecord", record, "tracing request 7");
        trail.record(NCP, AuditAction.READ, "childRecord", record, "tracing request 7");

        var found = trail.find(new AuditQuery(record, null, null, null), PageRequest.of(0, 10));

        assertThat(found.getTotalElements()).isEqualTo(3);
        assertThat(found.getContent())
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.READ, AuditAction.READ, AuditAction.CREATE);
        var created = found.getContent().get(2);
        assertThat(created.at()).isEqualTo(first);
        assertThat(created.subject()).isEqualTo("cw-pl-1");
        assertThat(created.country()).isEqualTo("PL");
        assertThat(created.roles()).containsExactly(Role.CASEWORKER);
        assertThat(created.reason()).isNull();
        assertThat(found.getContent().get(0).reason()).isEqualTo("tracing request 7");
        assertThat(found.getContent()).extracting(AuditEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void filtersBySubjectAndTimeAndPages() {
        var start = clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            trail.record(NCP, AuditAction.READ, "childRecord", record, null);
            clock.advance(Duration.ofMinutes(10));
        }
        trail.record(CASEWORKER, AuditAction.UPDATE, "childRecord", record, null);

        var byNcpInWindow = trail.find(
                new AuditQuery(
                        record, "ncp-ua-1", start.plus(Duration.ofMinutes(10)), start.plus(Duration.ofMinutes(40))),
                PageRequest.of(0, 2));
        var secondPage = trail.find(
                new AuditQuery(
                        record, "ncp-ua-1", start.plus(Duration.ofMinutes(10)), start.plus(Duration.ofMinutes(40))),
                PageRequest.of(1, 2));

        assertThat(byNcpInWindow.getTotalElements()).isEqualTo(3);
        assertThat(byNcpInWindow.getContent())
                .extracting(AuditEntry::at)
                .containsExactly(start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(20)));
        assertThat(secondPage.getContent())
                .extracting(AuditEntry::at)
                .containsExactly(start.plus(Duration.ofMinutes(10)));
    }

    @Test
    void takesTheReasonFromTheRequestWhenNoneIsPassed() {
        var request = new MockHttpServletRequest();
        request.addHeader("Homeward-Reason", "reunification check\u0007");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        trail.record(NCP, AuditAction.READ, "childRecord", record);
        trail.record(NCP, AuditAction.EXPORT, "childRecord", record, "explicit reason");

        assertThat(trail.find(new AuditQuery(record, null, null, null), PageRequest.of(0, 10))
                        .getContent())
                .extracting(AuditEntry::reason)
                .containsExactlyInAnyOrder("reunification check", "explicit reason");
    }

    @Test
    void failsTheCallerWhenTheEntryCannotBeWritten() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var client = MongoClients.create(
                "mongodb://127.0.0.1:" + closedPort + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            var unreachable = new AuditTrail(new MongoTemplate(client, "audit"), clock);

            assertThatExceptionOfType(DataAccessException.class)
                    .isThrownBy(() -> unreachable.record(CASEWORKER, AuditAction.READ, "childRecord", record, null));
        }
    }
}
