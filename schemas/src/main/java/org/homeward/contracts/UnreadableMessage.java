package org.homeward.contracts;

/**
 * A message could not be decoded into a Homeward contract: it is not in Avro single-object encoding, its body does
 * not match its writer schema, or it holds another contract than the one expected. The message never contains the
 * payload or any value from it.
 */
public class UnreadableMessage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableMessage(String message) {
        super(message);
    }

    public UnreadableMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
