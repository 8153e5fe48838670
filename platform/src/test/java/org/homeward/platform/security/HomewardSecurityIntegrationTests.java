package org.homeward.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(properties = "management.endpoints.web.exposure.include=health,info,prometheus")
@AutoConfigureMockMvc
@RealServers
@Import(TestSecurityConfiguration.class)
class HomewardSecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void answersValidTokenWithTheCaller() throws Exception {
        var token = TestTokens.token()
                .subject("cw-pl-1")
                .country("PL")
                .roles(Role.CASEWORKER)
                .build();

        mvc.perform(get("/test/caller").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("cw-pl-1"))
                .andExpect(jsonPath("$.country").value("PL"))
                .andExpect(jsonPath("$.roles[0]").value("CASEWORKER"));
    }

    @Test
    void acceptsShortcutTokensOfEveryRole() throws Exception {
        mvc.perform(get("/test/caller").header("Authorization", "Bearer " + TestTokens.ncp("UA")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("UA"))
                .andExpect(jsonPath("$.roles[0]").value("NCP"));
        mvc.perform(get("/test/caller").header("Authorization", "Bearer " + TestTokens.auditor("PL")))
                .andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
        mvc.perform(get("/test/caller").header("Authorization", "Bearer " + TestTokens.supervisor("DE")))
                .andExpect(jsonPath("$.roles[0]").value("SUPERVISOR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forged", "expired", "wrongAudience", "withoutCountry", "wrongIssuer", "garbage"})
    void refusesBadTokensWithUnauthorizedProblem(String kind) throws Exception {
        var token = switch (kind) {
            case "forged" -> TestTokens.forged();
            case "expired" -> TestTokens.expired();
            case "wrongAudience" -> TestTokens.wrongAudience();
            case "withoutCountry" -> TestTokens.token().withoutCountry().build();
            case "wrongIssuer" ->
                TestTokens.token().issuer("https://elsewhere.example").build();
            default -> "not-a-jwt";
        };

        expectUnauthorizedProblem(mvc.perform(get("/test/caller").header("Authorization", "Bearer " + token)))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));
    }

    @Test
    void refusesRequestWithoutTokenWithUnauthorizedProblem() throws Exception {
        expectUnauthorizedProblem(mvc.perform(get("/test/caller")));
    }

    @Test
    void answersAccessDeniedWithForbiddenProblem() throws Exception {
        mvc.perform(get("/test/refused").header("Authorization", "Bearer " + TestTokens.caseworker("PL")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.FORBIDDEN.toString()))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void leavesProbesAndMetricsPublic() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
    }

    private static ResultActions expectUnauthorizedProblem(ResultActions result) throws Exception {
        return result.andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.UNAUTHORIZED.toString()))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/test/caller"));
    }
}
