package org.homeward.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTests {

    @Test
    void answersRoleAndCountryQuestions() {
        var caller = new Caller("cw-pl-1", "PL", Set.of(Role.CASEWORKER, Role.SUPERVISOR));

        assertThat(caller.has(Role.CASEWORKER)).isTrue();
        assertThat(caller.has(Role.AUDITOR)).isFalse();
        assertThat(caller.hasAny(Role.AUDITOR, Role.SUPERVISOR)).isTrue();
        assertThat(caller.hasAny(Role.AUDITOR, Role.NCP)).isFalse();
        assertThat(caller.hasAny()).isFalse();
        assertThat(caller.belongsTo("PL")).isTrue();
        assertThat(caller.belongsTo("UA")).isFalse();
    }

    @Test
    void rejectsCountriesThatAreNotUpperCaseIsoCodes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Caller("x", "pl", Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Caller("x", "POL", Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Caller("x", "ZZ", Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Caller("x", "", Set.of()));
    }

    @Test
    void rejectsBlankSubject() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Caller(" ", "PL", Set.of()))
                .withMessageContaining("subject");
    }

    @Test
    void keepsItsOwnCopyOfRoles() {
        var roles = new HashSet<Role>(Set.of(Role.NCP));
        var caller = new Caller("ncp-ua-1", "UA", roles);

        roles.add(Role.AUDITOR);

        assertThat(caller.roles()).containsExactly(Role.NCP);
    }

    @Test
    void namesRolesAsKeycloakAndSpringDo() {
        assertThat(Role.PARTNER_SYSTEM.claimValue()).isEqualTo("partner-system");
        assertThat(Role.PARTNER_SYSTEM.authority()).isEqualTo("ROLE_PARTNER_SYSTEM");
        assertThat(Role.fromClaimValue("ncp")).contains(Role.NCP);
        assertThat(Role.fromClaimValue("offline_access")).isEmpty();
    }
}
