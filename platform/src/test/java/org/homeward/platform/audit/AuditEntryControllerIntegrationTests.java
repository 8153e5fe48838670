package org.homeward.platform.audit;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "homeward.country=PL")
@AutoConfigureMockMvc
@RealServers
class AuditEntryControllerIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    private final String record = "record-" + UUID.randomUUID();

    @BeforeEach
    void someoneReadTheRecord() {
        trail.record(
                new Caller("cw-pl-1", "PL", Set.of(Role.CASEWORKER)), AuditAction.CREATE, "childRecord", record, null);
        trail.record(
                new Caller("ncp-ua-1", "UA", Set.of(Role.NCP)), AuditAction.READ, "childRecord", record, "match 9");
    }

    @Test
    void showsAuditorOfTheDeploymentCountryEveryEntryIncludingForeignCallers() throws Exception {
        mvc.perform(get("/api/v1/audit-entries")
                        .param("resourceId", record)
                        .header("Authorization", "Bearer " + TestTokens.auditor("PL")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries", hasSize(3)))
                .andExpect(jsonPath("$.entries[0].subject").value("auditor-pl-1"))
                .andExpect(jsonPath("$.entries[0].action").value("SEARCH"))
                .andExpect(jsonPath("$.entries[0].resourceType").value("auditTrail"))
                .andExpect(jsonPath("$.entries[1].subject").value("ncp-ua-1"))
                .andExpect(jsonPath("$.entries[1].country").value("UA"))
                .andExpect(jsonPath("$.entries[1].reason").value("match 9"))
                .andExpect(jsonPath("$.entries[2].action").value("CREATE"))
                .andExpect(jsonPath("$.totalElements").value(3));
    }

    @Test
    void recordsThatTheAuditorReadTheTrail() throws Exception {
        mvc.perform(get("/api/v1/audit-entries")
                        .param("resourceId", record)
                        .header("Homeward-Reason", "quarterly review")
                        .header("Authorization", "Bearer " + TestTokens.auditor("PL")))
                .andExpect(status().isOk());

        var accesses = trail.find(new AuditQuery(record, "auditor-pl-1", null, null), PageRequest.of(0, 10));
        org.assertj.core.api.Assertions.assertThat(accesses.getContent())
                .singleElement()
                .satisfies(entry -> {
                    org.assertj.core.api.Assertions.assertThat(entry.action()).isEqualTo(AuditAction.SEARCH);
                    org.assertj.core.api.Assertions.assertThat(entry.resourceType())
                            .isEqualTo("auditTrail");
                    org.assertj.core.api.Assertions.assertThat(entry.reason()).isEqualTo("quarterly review");
                });
    }

    @Test
    void refusesCallersWithoutTheAuditorRole() throws Exception {
        mvc.perform(get("/api/v1/audit-entries").header("Authorization", "Bearer " + TestTokens.caseworker("PL")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.FORBIDDEN.toString()));
        mvc.perform(get("/api/v1/audit-entries")).andExpect(status().isUnauthorized());
    }

    @Test
    void hidesTheTrailFromAuditorsOfOtherCountries() throws Exception {
        mvc.perform(get("/api/v1/audit-entries").header("Authorization", "Bearer " + TestTokens.auditor("UA")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
    }

    @Test
    void namesInvalidQueryParameters() throws Exception {
        mvc.perform(get("/api/v1/audit-entries")
                        .param("from", "yesterday")
                        .param("size", "1000")
                        .header("Authorization", "Bearer " + TestTokens.auditor("PL")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
                .andExpect(jsonPath("$.errors[*].field", hasItem("from")));
        mvc.perform(get("/api/v1/audit-entries")
                        .param("size", "1000")
                        .header("Authorization", "Bearer " + TestTokens.auditor("PL")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("size")));
    }
}
