package org.homeward.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service with a validated form and one resource per kind of failure. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
    ProblemTestApplication.PersonController.class,
    ProblemTestApplication.Registrar.class,
    ProblemTestApplication.ServiceAdvice.class,
    TestSecurityConfiguration.class
})
class ProblemTestApplication {

    enum Script {
        LATIN,
        CYRILLIC
    }

    record NameForm(@NotBlank String value, @NotNull Script script) {}

    record PersonForm(
            @NotBlank String givenName,
            @NotEmpty List<@Valid NameForm> names,
            @Nullable @Min(0) @Max(25) Integer age,
            @Nullable LocalDate birthDate) {}

    /** What a service throws for a problem only it knows about, handled by its own advice. */
    static final class MatchAlreadyDecided extends RuntimeException {}

    @ResponseStatus(HttpStatus.GONE)
    static final class Gone extends RuntimeException {}

    @Service
    @Validated
    static class Registrar {

        PersonForm register(@Valid PersonForm form) {
            return form;
        }
    }

    @RestController
    static class PersonController {

        private final Registrar registrar;

        PersonController(Registrar registrar) {
            this.registrar = registrar;
        }

        @PostMapping("/test/people")
        ResponseEntity<PersonForm> create(@Valid @RequestBody PersonForm form) {
            return ResponseEntity.created(URI.create("/test/people/1")).body(form);
        }

        @PostMapping("/test/people/through-service")
        PersonForm createThroughService(@RequestBody PersonForm form) {
            return registrar.register(form);
        }

        @GetMapping("/test/people/{id}")
        String person(@PathVariable UUID id) {
            return id.toString();
        }

        @GetMapping("/test/search")
        String search(@RequestParam @Size(max = 5) String name, @RequestParam(defaultValue = "0") @Min(0) int page) {
            return name + page;
        }

        @GetMapping("/test/idempotent")
        String idempotent(@RequestHeader("Idempotency-Key") String key) {
            return key;
        }

        @GetMapping("/test/transition")
        String transition() {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    ProblemTypes.ILLEGAL_TRANSITION,
                    "Illegal transition",
                    "A closed record cannot be reopened.");
        }

        @GetMapping("/test/decided")
        String decided() {
            throw new MatchAlreadyDecided();
        }

        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("Zzyzx-Sentinel was in the message");
        }

        @GetMapping("/test/concurrent")
        String concurrent() {
            throw new OptimisticLockingFailureException("version 3 of Zzyzx-Sentinel");
        }

        @GetMapping("/test/gone")
        String gone() {
            throw new Gone();
        }

        @GetMapping("/test/send-error")
        void sendError(HttpServletResponse response) throws IOException {
            response.sendError(HttpStatus.CONFLICT.value());
        }

        /** Reads the body itself, as a controller streaming an upload would. */
        @PostMapping("/test/raw")
        long raw(HttpServletRequest request) throws IOException {
            return request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    @RestControllerAdvice
    static class ServiceAdvice {

        @ExceptionHandler
        ProblemDetail on(MatchAlreadyDecided decided) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The proposal was decided already.");
            problem.setType(ProblemTypes.of("match-already-decided"));
            return problem;
        }
    }
}
