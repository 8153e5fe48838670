package org.homeward.platform.problem;

import java.util.Objects;

/**
 * One bad field in a validation problem: its path ({@code names[0].script}), the constraint it broke
 * ({@code NotBlank}) and a message. It never holds the rejected value, which may be a child's name.
 *
 * @param field the path of the field in the request, or the name of a parameter or header
 * @param constraint the name of the broken constraint
 * @param message what is wrong, without the value
 */
public record FieldError(String field, String constraint, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(message, "message");
    }
}
