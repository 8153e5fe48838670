package org.homeward.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every error that reaches Spring MVC with an RFC 9457 problem: Spring's own (it extends {@link
 * ResponseEntityExceptionHandler}), validation, unreadable bodies, {@link ProblemException} and anything unexpected.
 * Field problems name the path and constraint, never the rejected value. Ordered last, so a service's own advice is
 * asked first about the exceptions it handles.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
final class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ProblemException problem) {
        var body = Problems.of(problem.status(), problem.type(), problem.title(), problem.detail());
        if (!problem.errors().isEmpty()) {
            body.setProperty(Problems.ERRORS, problem.errors());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ConstraintViolationException invalid) {
        var errors = invalid.getConstraintViolations().stream()
                .map(violation -> new FieldError(
                        FieldPaths.of(violation),
                        violation
                                .getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName(),
                        violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::constraint))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(OptimisticLockingFailureException concurrent) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        ProblemTypes.CONFLICT,
                        "Changed concurrently",
                        "The resource was changed by another request; read it again and retry."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(DuplicateKeyException duplicate) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", "The resource exists already."));
    }

    /** A controller read a chunked body past the limit itself. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(RequestBodyTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.payloadTooLarge());
    }

    /** Left to Spring Security, whose entry point and access-denied handler answer 401 and 403. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrow(RuntimeException securityFailure) {
        throw securityFailure;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(Exception unexpected, HttpServletRequest request) {
        var declared = AnnotatedElementUtils.findMergedAnnotation(unexpected.getClass(), ResponseStatus.class);
        if (declared != null && !declared.code().is5xxServerError()) {
            return ResponseEntity.status(declared.code()).body(Problems.forStatus(declared.code()));
        }
        // Logged once, here; the path has ids at most, the query (which may hold searched names) is left out.
        log.error(
                "Unexpected {} answering {} {}",
                unexpected.getClass().getName(),
                request.getMethod(),
                request.getRequestURI(),
                unexpected);
        return ResponseEntity.internalServerError().body(Problems.internal());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(invalid, Problems.validation(errorsOf(invalid.getBindingResult(), null)), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldError>();
        for (var result : invalid.getParameterValidationResults()) {
            var parameter = FieldPaths.of(result.getMethodParameter());
            if (result instanceof ParameterErrors bound) {
                errors.addAll(errorsOf(bound, parameter));
                continue;
            }
            var field =
                    result.getContainerIndex() != null ? parameter + "[" + result.getContainerIndex() + "]" : parameter;
            for (var error : result.getResolvableErrors()) {
                errors.add(new FieldError(field, constraintOf(error.getCodes()), messageOf(error.getDefaultMessage())));
            }
        }
        for (var error : invalid.getCrossParameterValidationResults()) {
            errors.add(new FieldError(
                    FieldPaths.BODY, constraintOf(error.getCodes()), messageOf(error.getDefaultMessage())));
        }
        return answer(invalid, Problems.validation(sorted(errors)), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (RequestBodyTooLarge.causedIt(unreadable)) {
            return answer(unreadable, Problems.payloadTooLarge(), headers, request);
        }
        var cause = jacksonCause(unreadable);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            var field = FieldPaths.of(unknown.getPath());
            var problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.UNKNOWN_FIELD,
                    "Unknown field",
                    "The body has a field this resource does not have; see errors.");
            problem.setProperty(
                    Problems.ERRORS, List.of(new FieldError(field, "UnknownField", "is not a field of this resource")));
            return answer(unreadable, problem, headers, request);
        }
        if (cause instanceof DatabindException invalid && !(cause instanceof PropertyBindingException)) {
            // Wrong type or format (InvalidFormatException, MismatchedInputException) or a value its type's
            // constructor refused: the field is named, the value and the parser's message (which quotes it) are not.
            var field = FieldPaths.of(invalid.getPath());
            return answer(
                    unreadable,
                    Problems.validation(
                            List.of(new FieldError(field, "Format", "has the wrong type or format, or is invalid"))),
                    headers,
                    request);
        }
        var detail = cause instanceof StreamReadException
                ? "The body is not well-formed JSON."
                : "The request body is missing or cannot be read.";
        return answer(
                unreadable,
                Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request", detail),
                headers,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var field = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : FieldPaths.BODY;
        var type =
                mismatch.getRequiredType() != null ? mismatch.getRequiredType().getSimpleName() : "value";
        return answer(
                mismatch,
                Problems.validation(List.of(new FieldError(field, "TypeMismatch", "must be a valid " + type))),
                headers,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return answer(
                missing,
                Problems.validation(List.of(new FieldError(missing.getParameterName(), "Required", "is required"))),
                headers,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException binding, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (binding instanceof MissingRequestHeaderException missing) {
            var problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.MISSING_HEADER,
                    "Missing header",
                    "The required header " + missing.getHeaderName() + " is missing.");
            problem.setProperty("header", missing.getHeaderName());
            return answer(binding, problem, headers, request);
        }
        return answer(
                binding,
                Problems.of(
                        status,
                        ProblemTypes.MALFORMED_REQUEST,
                        "Malformed request",
                        "A required part of the request is missing."),
                headers,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException unsupported,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var problem = Problems.of(
                status,
                ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "Send the body as one of: " + unsupported.getSupportedMediaTypes() + ".");
        return answer(unsupported, problem, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException unsupported,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var problem = Problems.of(
                status,
                ProblemTypes.METHOD_NOT_ALLOWED,
                "Method not allowed",
                "This resource does not support " + unsupported.getMethod() + ".");
        return answer(unsupported, problem, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException notFound, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(
                notFound,
                Problems.of(status, ProblemTypes.NOT_FOUND, "Not found", "No resource answers at this path."),
                headers,
                request);
    }

    /**
     * The last step of every handler of the base class: gives Spring's own problems a Homeward type and keeps
     * server errors free of details.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception failure, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = body instanceof ProblemDetail given ? given : Problems.forStatus(status);
        if (status.is5xxServerError()) {
            log.error(
                    "Request failed with {}: {}",
                    status.value(),
                    failure.getClass().getName(),
                    failure);
            problem = Problems.forStatus(status);
        } else if (ProblemDetail.forStatus(status).getType().equals(problem.getType())) {
            var type = Problems.typeFor(status);
            if (type != null) {
                problem.setType(type);
            }
        }
        return super.handleExceptionInternal(failure, problem, headers, status, request);
    }

    private @Nullable ResponseEntity<Object> answer(
            Exception failure, ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        return super.handleExceptionInternal(
                failure, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static List<FieldError> errorsOf(Errors result, @Nullable String parameter) {
        var errors = new ArrayList<FieldError>();
        for (var error : result.getFieldErrors()) {
            errors.add(new FieldError(
                    error.getField(), constraintOf(error.getCodes()), messageOf(error.getDefaultMessage())));
        }
        for (var error : result.getGlobalErrors()) {
            errors.add(new FieldError(
                    parameter != null ? parameter : FieldPaths.BODY,
                    constraintOf(error.getCodes()),
                    messageOf(error.getDefaultMessage())));
        }
        return sorted(errors);
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::constraint))
                .toList();
    }

    /** The most general message code is the constraint's simple name, such as {@code NotBlank}. */
    private static String constraintOf(String @Nullable [] codes) {
        return codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
    }

    private static String messageOf(@Nullable String message) {
        return message != null ? message : "is invalid";
    }

    private static @Nullable JacksonException jacksonCause(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
