package org.homeward.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ProblemDetail} as {@code application/problem+json} straight to the servlet response, for code
 * that answers before Spring MVC runs (security entry points, servlet filters).
 */
public final class ProblemWriter {

    private final JsonMapper mapper;

    public ProblemWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Sets the status from the problem, its {@code instance} to the request path, and writes the body. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(new URI(request.getRequestURI()));
            } catch (URISyntaxException unparseable) {
                // The instance is optional; a path the client could not even encode is not worth echoing.
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(problem));
        response.flushBuffer();
    }
}
