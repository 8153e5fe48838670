package org.homeward.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A service's {@code @WebMvcTest} gets the platform's security and problem details without real servers. */
@WebMvcTest(SecurityTestApplication.CallerController.class)
@Import(TestSecurityConfiguration.class)
class WebMvcSliceIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void mapsTokensToCallerInTheSlice() throws Exception {
        mvc.perform(get("/test/caller").header("Authorization", "Bearer " + TestTokens.ncp("UA")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("UA"));
    }

    @Test
    void answersProblemsInTheSlice() throws Exception {
        mvc.perform(get("/test/caller"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.UNAUTHORIZED.toString()));
        mvc.perform(get("/test/nowhere").header("Authorization", "Bearer " + TestTokens.ncp("UA")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()));
    }
}
