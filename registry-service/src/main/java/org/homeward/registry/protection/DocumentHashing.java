package org.homeward.registry.protection;

import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed hashes (HMAC-SHA256 PRF) of identity documents: equal documents give equal hashes across the federation,
 * while nobody without the key can test a guessed number against a hash.
 */
public final class DocumentHashing {

    private static final int OUTPUT_BYTES = 32;

    private final PrfSet prf;

    DocumentHashing(PrfSet prf) {
        this.prf = prf;
    }

    /** The hash of a document in its canonical form (type, issuing country, number without separators). */
    public String hash(String canonicalDocument) {
        try {
            return HexFormat.of()
                    .formatHex(prf.computePrimary(canonicalDocument.getBytes(StandardCharsets.UTF_8), OUTPUT_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Document hashing failed", e);
        }
    }
}
