package org.homeward.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: the principal is the {@link Caller}, the credentials the validated {@link Jwt}, the
 * authorities one {@code ROLE_*} per role plus {@code COUNTRY_<code>}.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Jwt token;

    public CallerAuthentication(Caller caller, Jwt token) {
        super(authoritiesOf(caller));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authoritiesOf(Caller caller) {
        var authorities = new ArrayList<GrantedAuthority>();
        caller.roles().stream()
                .sorted()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .forEach(authorities::add);
        authorities.add(new SimpleGrantedAuthority("COUNTRY_" + caller.country()));
        return authorities;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.subject();
    }

    public Caller caller() {
        return caller;
    }
}
