package org.homeward.platform.etag;

import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;
import static org.springframework.http.HttpStatus.PRECONDITION_REQUIRED;

import java.util.regex.Pattern;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemTypes;
import org.jspecify.annotations.Nullable;

/**
 * A resource's revision as its entity tag ({@code "7"}), and the revision an {@code If-Match} names. A change
 * without If-Match is answered 428, one naming no revision 412, as problem details that name the resource kind, never
 * the resource.
 */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private EntityTags() {}

    /** The entity tag of a revision, for the {@code ETag} header. */
    public static String of(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The revision the caller last saw, from their If-Match.
     *
     * @param resource what the resource is called in messages, e.g. "record" or "proposal"
     */
    public static long revisionFrom(@Nullable String ifMatch, String resource) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    PRECONDITION_REQUIRED,
                    ProblemTypes.PRECONDITION_REQUIRED,
                    "If-Match required",
                    "Send the ETag of the " + resource + " you read in If-Match, so a concurrent change is not"
                            + " overwritten.");
        }
        var matcher = TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new ProblemException(
                    PRECONDITION_FAILED,
                    ProblemTypes.PRECONDITION_FAILED,
                    "Changed meanwhile",
                    "If-Match does not name a current revision of this " + resource + ".");
        }
        return Long.parseLong(matcher.group(1));
    }
}
