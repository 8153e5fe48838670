package org.homeward.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers an authenticated caller without the needed authority with 403 and a problem body. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    private final ProblemWriter writer;

    ProblemAccessDeniedHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearer.handle(request, response, denied);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this.");
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        writer.write(request, response, problem);
    }
}
