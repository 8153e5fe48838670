package org.homeward.registry.childrecord;

/** An identity document. The number is stored encrypted; only a keyed hash of it leaves the country. */
public record IdentityDocument(Type type, String number, String issuingCountry) {

    public enum Type {
        PASSPORT,
        BIRTH_CERTIFICATE,
        NATIONAL_ID,
        TRAVEL_DOCUMENT,
        OTHER
    }

    /** Type, country and the number without spaces or dashes, upper-cased: what the keyed hash is computed over. */
    String canonical() {
        return type + ":" + issuingCountry + ":"
                + number.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "IdentityDocument[redacted]";
    }
}
