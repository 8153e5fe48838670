package org.homeward.contracts;

import java.util.HexFormat;

/**
 * A message in Avro single-object encoding whose schema fingerprint matches no current or released schema of any
 * Homeward contract: written with a schema this library does not know (a release newer than this library, or no
 * Homeward contract at all).
 */
public final class UnknownContract extends UnreadableMessage {

    private static final long serialVersionUID = 1L;

    private final long fingerprint;

    public UnknownContract(long fingerprint) {
        super("No Homeward contract has a schema with fingerprint " + hex(fingerprint));
        this.fingerprint = fingerprint;
    }

    /** The CRC-64-AVRO fingerprint found in the message header. */
    public long fingerprint() {
        return fingerprint;
    }

    static String hex(long fingerprint) {
        return HexFormat.of().toHexDigits(fingerprint);
    }
}
