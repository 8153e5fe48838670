package org.homeward.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;

/** Field paths in the form clients see them, {@code names[0].script}, from Jackson, Bean Validation and MVC. */
final class FieldPaths {

    /** The path of a problem about the whole body rather than one field. */
    static final String BODY = "body";

    private FieldPaths() {}

    static String of(List<JacksonException.Reference> path) {
        var field = new StringBuilder();
        for (var reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? BODY : field.toString();
    }

    /**
     * The property path of a violation without the method and parameter nodes that {@code @Validated} beans add;
     * map keys are not shown, as they may be data.
     */
    static String of(ConstraintViolation<?> violation) {
        var field = new StringBuilder();
        String parameter = null;
        for (var node : violation.getPropertyPath()) {
            var kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex().toString() : "*")
                        .append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : BODY;
    }

    /** The name the client used: the request parameter, header or path variable name, else the Java name. */
    static String of(MethodParameter parameter) {
        var name = nameFrom(parameter);
        if (name != null) {
            return name;
        }
        var javaName = parameter.getParameterName();
        return javaName != null ? javaName : "arg" + parameter.getParameterIndex();
    }

    private static @Nullable String nameFrom(MethodParameter parameter) {
        var requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null) {
            return firstNonEmpty(requestParam.name(), requestParam.value());
        }
        var header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return firstNonEmpty(header.name(), header.value());
        }
        var pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null) {
            return firstNonEmpty(pathVariable.name(), pathVariable.value());
        }
        return null;
    }

    private static @Nullable String firstNonEmpty(String name, String value) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : null;
    }
}
