package org.homeward.platform.problem;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@RealServers
class ProblemDetailsIntegrationTests {

    private static final String SENTINEL = "Zzyzx";

    @Autowired
    MockMvc mvc;

    @Test
    void acceptsValidForm() throws Exception {
        mvc.perform(authorized(post("/test/people"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Testa", "names": [{"value": "Testa", "script": "LATIN"}], "age": 7}
                                """))
                .andExpect(status().isCreated());
    }

    @Test
    void listsEveryInvalidFieldWithItsConstraintButNotItsValue() throws Exception {
        expectProblem(
                        mvc.perform(authorized(post("/test/people"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"givenName": " ", "age": 4000,
                                         "names": [{"value": "Zzyzx-Sentinel", "script": "LATIN"}, {"value": "", "script": null}]}
                                        """)),
                        400,
                        ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder("age", "givenName", "names[1].script", "names[1].value")))
                .andExpect(jsonPath("$.errors[?(@.field == 'age')].constraint").value(hasItem("Max")))
                .andExpect(jsonPath("$.errors[?(@.field == 'names[1].value')].constraint")
                        .value(hasItem("NotBlank")));
    }

    @Test
    void listsInvalidFieldsOfValidatedServiceBeans() throws Exception {
        expectProblem(
                        mvc.perform(authorized(post("/test/people/through-service"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"givenName": "Zzyzx-Sentinel", "names": [{"value": " ", "script": "LATIN"}]}
                                        """)),
                        400,
                        ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("names[0].value")))
                .andExpect(jsonPath("$.errors[0].constraint").value("NotBlank"));
    }

    @Test
    void refusesUnknownFieldNamingItsPath() throws Exception {
        expectProblem(
                        mvc.perform(authorized(post("/test/people"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"givenName": "Testa",
                                         "names": [{"value": "Testa", "script": "LATIN", "nickname": "Zzyzx-Sentinel"}]}
                                        """)),
                        400,
                        ProblemTypes.UNKNOWN_FIELD)
                .andExpect(jsonPath("$.errors[0].field").value("names[0].nickname"));
    }

    @Test
    void namesFieldWithWrongFormat() throws Exception {
        expectProblem(
                        mvc.perform(authorized(post("/test/people"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"givenName": "Testa", "names": [{"value": "Testa", "script": "LATIN"}],
                                         "birthDate": "Zzyzx-Sentinel"}
                                        """)),
                        400,
                        ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[0].field").value("birthDate"));
        expectProblem(
                        mvc.perform(authorized(post("/test/people"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"givenName": "Testa", "names": [{"value": "Testa", "script": "Zzyzx-Sentinel"}]}
                                        """)),
                        400,
                        ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[0].field").value("names[0].script"));
        expectProblem(
                        mvc.perform(authorized(post("/test/people"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"givenName": "Testa", "names": {"value": "Zzyzx-Sentinel"}}
                                        """)),
                        400,
                        ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[0].field").value("names"));
    }

    @Test
    void refusesMalformedJson() throws Exception {
        expectProblem(
                mvc.perform(authorized(post("/test/people"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"givenName\": \"Zzyzx-Sentinel\", ")),
                400,
                ProblemTypes.MALFORMED_REQUEST);
        expectProblem(
                mvc.perform(authorized(post("/test/people")).contentType(MediaType.APPLICATION_JSON)),
                400,
                ProblemTypes.MALFORMED_REQUEST);
    }

    @Test
    void namesParametersThatAreMissingMistypedOrInvalid() throws Exception {
        expectProblem(mvc.perform(authorized(get("/test/people/not-a-uuid"))), 400, ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].constraint").value("TypeMismatch"));
        expectProblem(mvc.perform(authorized(get("/test/search"))), 400, ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].constraint").value("Required"));
        expectProblem(
                        mvc.perform(authorized(get("/test/search"))
                                .param("name", "Zzyzx-Sentinel")
                                .param("page", "-1")),
                        400,
                        ProblemTypes.VALIDATION)
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "page")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].constraint").value(hasItem("Size")));
    }

    @Test
    void namesMissingHeader() throws Exception {
        expectProblem(mvc.perform(authorized(get("/test/idempotent"))), 400, ProblemTypes.MISSING_HEADER)
                .andExpect(jsonPath("$.header").value("Idempotency-Key"))
                .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));
    }

    @Test
    void rendersProblemExceptionAsThrown() throws Exception {
        expectProblem(mvc.perform(authorized(get("/test/transition"))), 409, ProblemTypes.ILLEGAL_TRANSITION)
                .andExpect(jsonPath("$.title").value("Illegal transition"))
                .andExpect(jsonPath("$.detail").value("A closed record cannot be reopened."))
                .andExpect(jsonPath("$.instance").value("/test/transition"))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void letsServiceAdviceAnswerTheExceptionsItHandles() throws Exception {
        expectProblem(mvc.perform(authorized(get("/test/decided"))), 409, ProblemTypes.of("match-already-decided"));
    }

    @Test
    void answersUnexpectedFailureWithoutDetails() throws Exception {
        expectProblem(mvc.perform(authorized(get("/test/boom"))), 500, ProblemTypes.INTERNAL)
                .andExpect(content().string(not(containsString("IllegalState"))));
    }

    @Test
    void mapsConcurrentChangesAndDeclaredStatuses() throws Exception {
        expectProblem(mvc.perform(authorized(get("/test/concurrent"))), 409, ProblemTypes.CONFLICT);
        mvc.perform(authorized(get("/test/gone")))
                .andExpect(status().isGone())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersSpringsOwnErrorsAsProblems() throws Exception {
        expectProblem(
                mvc.perform(authorized(post("/test/people"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("Zzyzx-Sentinel")),
                415,
                ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
        expectProblem(mvc.perform(authorized(delete("/test/people"))), 405, ProblemTypes.METHOD_NOT_ALLOWED);
        expectProblem(mvc.perform(authorized(get("/test/nowhere"))), 404, ProblemTypes.NOT_FOUND);
    }

    @Test
    void refusesBodyDeclaredLargerThanTheLimit() throws Exception {
        var large = "{\"givenName\": \"" + "x".repeat(70 * 1024) + "\"}";
        expectProblem(
                mvc.perform(authorized(post("/test/people"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(large)),
                413,
                ProblemTypes.PAYLOAD_TOO_LARGE);
    }

    private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TestTokens.caseworker("PL"));
    }

    private static ResultActions expectProblem(ResultActions result, int status, URI type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(type.toString()))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(content().string(not(containsString(SENTINEL))));
    }
}
