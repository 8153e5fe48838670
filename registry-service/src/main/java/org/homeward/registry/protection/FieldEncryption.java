package org.homeward.registry.protection;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts sensitive fields with the country's AEAD keyset. The associated data binds a ciphertext to its record and
 * country, so a ciphertext copied into another record does not decrypt.
 */
public final class FieldEncryption {

    private final Aead aead;
    private final String country;

    FieldEncryption(Aead aead, String country) {
        this.aead = aead;
        this.country = country;
    }

    public byte[] encrypt(byte[] plaintext, String recordId) {
        try {
            return aead.encrypt(plaintext, associatedData(recordId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for record " + recordId, e);
        }
    }

    public byte[] decrypt(byte[] ciphertext, String recordId) {
        try {
            return aead.decrypt(ciphertext, associatedData(recordId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed details of record " + recordId + " do not decrypt", e);
        }
    }

    private byte[] associatedData(String recordId) {
        return ("homeward:childRecord:" + country + ":" + recordId).getBytes(StandardCharsets.UTF_8);
    }
}
