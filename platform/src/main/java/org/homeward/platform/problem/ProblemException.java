package org.homeward.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A problem a service raises on purpose, rendered by the platform's advice as an RFC 9457 response with this
 * status, type, title and detail (and, for validation, the {@code errors} extension). Title and detail reach the
 * client verbatim: they must not contain personal data.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatusCode status;
    private final URI type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ProblemException(HttpStatusCode status, URI type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ProblemException(HttpStatusCode status, URI type, String title, String detail, List<FieldError> errors) {
        super(title + ": " + detail);
        this.status = Objects.requireNonNull(status, "status");
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.errors = List.copyOf(errors);
    }

    /** A 400 {@link ProblemTypes#VALIDATION} problem listing every bad field. */
    public static ProblemException validation(List<FieldError> errors) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.VALIDATION,
                "Invalid request",
                "One or more fields are invalid; see errors.",
                errors);
    }

    /** A 400 {@link ProblemTypes#VALIDATION} problem listing every bad field. */
    public static ProblemException validation(FieldError... errors) {
        return validation(List.of(errors));
    }

    public HttpStatusCode status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The bad fields of a validation problem; empty for other problems. */
    public List<FieldError> errors() {
        return errors;
    }
}
