package org.homeward.platform.problem;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The stable {@code type} URIs of Homeward's problem details. Clients branch on these, so a slug never changes
 * meaning once published; a service adds its own with {@link #of(String)}.
 */
public final class ProblemTypes {

    /** Every Homeward problem type starts with this. */
    public static final String BASE = "https://homeward.example/problems/";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** One or more fields broke a constraint; the {@code errors} extension lists each field path and constraint. */
    public static final URI VALIDATION = of("validation");
    /** The body is not well-formed JSON. */
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    /** The body names a field the resource does not have; {@code errors} names its path. */
    public static final URI UNKNOWN_FIELD = of("unknown-field");
    /** The body is larger than the service accepts. */
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    /** No resource answers at this path. */
    public static final URI NOT_FOUND = of("not-found");
    /** No record with this id is visible to the caller (which does not say whether it exists). */
    public static final URI RECORD_NOT_FOUND = of("record-not-found");
    /** {@code If-Match} names a version that is no longer current. */
    public static final URI PRECONDITION_FAILED = of("precondition-failed");
    /** The change needs an {@code If-Match} header. */
    public static final URI PRECONDITION_REQUIRED = of("precondition-required");
    /** The request conflicts with the current state of the resource. */
    public static final URI CONFLICT = of("conflict");
    /** The requested status change is not allowed from the current status. */
    public static final URI ILLEGAL_TRANSITION = of("illegal-transition");
    /** An {@code Idempotency-Key} was reused with a different request. */
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    /** No valid bearer token was presented. */
    public static final URI UNAUTHORIZED = of("unauthorized");
    /** The caller is authenticated but may not do this. */
    public static final URI FORBIDDEN = of("forbidden");
    /** The body's media type is not accepted here. */
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    /** The resource does not support this HTTP method. */
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    /** None of the media types in {@code Accept} can be produced. */
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    /** A required request header is missing; the {@code header} extension names it. */
    public static final URI MISSING_HEADER = of("missing-header");
    /** Something failed on our side; the response carries no details, the log has them. */
    public static final URI INTERNAL = of("internal");

    private ProblemTypes() {}

    /**
     * The type URI for a slug, for problems specific to one service.
     *
     * @param slug lower-case words joined by hyphens, such as {@code match-already-decided}
     * @return {@code https://homeward.example/problems/<slug>}
     */
    public static URI of(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must be lower-case words joined by hyphens");
        }
        return URI.create(BASE + slug);
    }
}
