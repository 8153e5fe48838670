package org.homeward.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that never reached a controller (a filter failed, or code called {@code sendError}) with a
 * problem, in place of Boot's whitelabel or map-shaped error body.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
final class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = statusOf(request);
        var problem = Problems.forStatus(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(new URI(path));
            } catch (URISyntaxException unparseable) {
                // The instance is optional.
            }
        }
        if (status.is5xxServerError()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            log.error(
                    "Request failed outside Spring MVC with {}",
                    failure.getClass().getName(),
                    failure);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static HttpStatusCode statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400) {
            return HttpStatusCode.valueOf(code);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
