package org.homeward.platform.problem;

import java.io.IOException;

/** Thrown while reading a request body that grows past {@code homeward.http.max-request-body}. */
final class RequestBodyTooLarge extends IOException {

    RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }

    static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLarge) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
