package org.homeward.platform.security;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with one resource that echoes the caller, and one that always refuses. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecurityTestApplication.CallerController.class)
class SecurityTestApplication {

    @RestController
    static class CallerController {

        @GetMapping("/test/caller")
        Caller caller(@AuthenticationPrincipal Caller caller) {
            return caller;
        }

        @GetMapping("/test/refused")
        String refused() {
            throw new AccessDeniedException("refused");
        }
    }
}
