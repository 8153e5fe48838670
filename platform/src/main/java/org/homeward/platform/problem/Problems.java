package org.homeward.platform.problem;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem bodies: a status, a stable type, a title and a detail with no personal data; services use {@link #of}. */
public final class Problems {

    static final String ERRORS = "errors";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail validation(List<FieldError> errors) {
        var problem = of(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid request",
                "One or more fields are invalid; see errors.");
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    static ProblemDetail payloadTooLarge() {
        return of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE,
                "Payload too large",
                "The request body is larger than this service accepts.");
    }

    static ProblemDetail internal() {
        return of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "Internal error",
                "The request could not be completed. It has been logged.");
    }

    /** The type for a status that carries no more specific meaning, or null to leave {@code about:blank}. */
    static @Nullable URI typeFor(HttpStatusCode status) {
        if (status.is5xxServerError()) {
            return ProblemTypes.INTERNAL;
        }
        return switch (status.value()) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 409 -> ProblemTypes.CONFLICT;
            case 412 -> ProblemTypes.PRECONDITION_FAILED;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 428 -> ProblemTypes.PRECONDITION_REQUIRED;
            default -> null;
        };
    }

    /** A problem for a bare status, with the standard reason phrase and no detail beyond it. */
    static ProblemDetail forStatus(HttpStatusCode status) {
        var problem = ProblemDetail.forStatus(status);
        var type = typeFor(status);
        if (type != null) {
            problem.setType(type);
        }
        if (status.is5xxServerError()) {
            problem.setDetail(internal().getDetail());
        }
        return problem;
    }
}
