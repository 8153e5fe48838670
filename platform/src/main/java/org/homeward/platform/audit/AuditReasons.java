package org.homeward.platform.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Why a caller accesses data: the {@code Homeward-Reason} request header, with control and bidirectional-formatting
 * characters removed (they could forge lines or reorder text where the trail is shown) and cut to 200 characters.
 */
public final class AuditReasons {

    /** The request header a client states its reason in. */
    public static final String HEADER = "Homeward-Reason";

    /** The most a reason keeps, in characters (code points). */
    public static final int MAX_LENGTH = 200;

    private AuditReasons() {}

    /** The reason of the request this thread serves, or null outside a request or without the header. */
    public static @Nullable String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return sanitize(attributes.getRequest().getHeader(HEADER));
        }
        return null;
    }

    /** The reason fit for the trail, or null when nothing printable is left. */
    public static @Nullable String sanitize(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        var cleaned = raw.codePoints()
                .filter(codePoint ->
                        !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.FORMAT)
                .limit(MAX_LENGTH + 1L)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH))
                    .strip();
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
