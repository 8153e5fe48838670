package org.homeward.platform.audit;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** A service that serves several countries, such as matching: no {@code homeward.country}. */
@SpringBootTest
@AutoConfigureMockMvc
@RealServers
class AuditEntryControllerWithoutCountryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Test
    void showsAuditorsOnlyTheEntriesOfCallersOfTheirCountry() throws Exception {
        var proposal = "proposal-" + UUID.randomUUID();
        trail.record(new Caller("ncp-pl-1", "PL", Set.of(Role.NCP)), AuditAction.READ, "matchProposal", proposal, null);
        trail.record(new Caller("ncp-ua-1", "UA", Set.of(Role.NCP)), AuditAction.READ, "matchProposal", proposal, null);

        mvc.perform(get("/api/v1/audit-entries")
                        .param("resourceId", proposal)
                        .header("Authorization", "Bearer " + TestTokens.auditor("UA")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].subject", containsInAnyOrder("auditor-ua-1", "ncp-ua-1")));
    }
}
