package org.homeward.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.devstack.keycloak.DemoIdentities.DemoClient;
import org.homeward.devstack.keycloak.DemoIdentities.DemoUser;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.CallerJwtConverter;
import org.homeward.platform.security.Role;
import org.homeward.platform.security.TokenValidators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The Homeward realm in a real Keycloak: tokens obtained the way the gateway and partner systems obtain them, checked
 * with the validators and the converter every Homeward service uses.
 */
class KeycloakRealmIntegrationTests {

    private static final String PLAIN_PKCE =
            "&code_challenge=plain-challenge-of-forty-three-characters-long&code_challenge_method=plain";

    static final List<DemoUser> users = DemoIdentities.USERS;
    static final List<DemoClient> partners = DemoIdentities.PARTNERS;

    private static final ObjectMapper json = new ObjectMapper();
    private static final CallerJwtConverter converter = new CallerJwtConverter();

    private static KeycloakServer keycloak;
    private static KeycloakLogin login;
    private static JwtDecoder services;
    private static HttpClient http;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakFixture.server();
        login = new KeycloakLogin(keycloak.issuer());
        services = decoder(Duration.ofSeconds(30));
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @AfterAll
    static void closeClient() {
        http.close();
    }

    /** A decoder as services build it: JWKS discovered from the issuer, platform's claim checks. */
    private static JwtDecoder decoder(Duration clockSkew) {
        var issuer = keycloak.issuer().toString();
        var decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        decoder.setJwtValidator(TokenValidators.of(issuer, DemoIdentities.AUDIENCE, clockSkew));
        return decoder;
    }

    private static Caller callerOf(String token) {
        return converter.convert(services.decode(token)).caller();
    }

    @ParameterizedTest
    @FieldSource("users")
    void mapsEachDemoUserToItsCountryAndRole(DemoUser user) {
        var token = login.userToken(user.username(), DemoIdentities.PASSWORD);

        var jwt = services.decode(token);
        var caller = converter.convert(jwt).caller();

        assertThat(caller.country()).isEqualTo(user.country());
        assertThat(caller.roles())
                .containsExactly(Role.fromClaimValue(user.role()).orElseThrow());
        assertThat(jwt.getClaimAsString("azp")).isEqualTo(DemoIdentities.GATEWAY_CLIENT_ID);
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo(user.username());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @FieldSource("partners")
    void mapsEachPartnerClientToPartnerSystemOfItsCountry(DemoClient partner) {
        var caller = callerOf(login.clientToken(partner));

        assertThat(caller.country()).isEqualTo(partner.country());
        assertThat(caller.roles()).containsExactly(Role.PARTNER_SYSTEM);
    }

    @Test
    void issuesTheSameIssuerWhicheverHostTheClientNames() {
        var viaLocalhost = URI.create(keycloak.issuer().toString().replace("://127.0.0.1:", "://localhost:"));

        var token = new KeycloakLogin(viaLocalhost).clientToken(DemoIdentities.PARTNERS.getFirst());

        assertThat(services.decode(token).getIssuer())
                .hasToString(keycloak.issuer().toString());
    }

    @Test
    void refusesTokensIssuedForAnotherAudience() {
        var token = login.clientToken(DemoIdentities.UNRELATED_APP);

        // Signature, issuer and lifetime hold: the audience alone is what fails.
        assertThatThrownBy(() -> services.decode(token))
                .isInstanceOfSatisfying(
                        JwtValidationException.class,
                        refused -> assertThat(refused.getErrors())
                                .singleElement()
                                .satisfies(error ->
                                        assertThat(error.getDescription()).contains("aud")));
    }

    @Test
    void refusesATokenOnceItHasExpired() {
        var token = login.clientToken(DemoIdentities.EXPIRY_PROBE);
        var strict = decoder(Duration.ZERO);
        var jwt = strict.decode(token);
        assertThat(converter.convert(jwt).caller().roles()).containsExactly(Role.PARTNER_SYSTEM);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isLessThanOrEqualTo(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThatThrownBy(() -> strict.decode(token))
                        .isInstanceOf(JwtValidationException.class)
                        .hasMessageContaining("expired"));
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        var genuine = SignedJWT.parse(login.clientToken(DemoIdentities.PARTNERS.getFirst()));
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        // Same claims, same key id as Keycloak's key: only the signature is wrong.
        var forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(genuine.getHeader().getKeyID())
                        .build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(keys.generateKeyPair().getPrivate()));

        assertThat(callerOf(genuine.serialize()).country()).isEqualTo("UA");
        assertThatThrownBy(() -> services.decode(forged.serialize()))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesThePasswordGrantOnTheGateway() throws Exception {
        var response = send(HttpRequest.newBuilder(login.tokenEndpoint())
                .header("Authorization", basic(DemoIdentities.GATEWAY_CLIENT_ID, DemoIdentities.GATEWAY_CLIENT_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&username=pl-ncp&password=" + DemoIdentities.PASSWORD)));

        assertThat(response.statusCode()).isBetween(400, 401);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("unauthorized_client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", PLAIN_PKCE})
    void refusesTheCodeFlowWithoutPkceS256(String pkce) throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create(login.authorizationEndpoint()
                        + "?response_type=code&scope=openid&state=s1&client_id=" + DemoIdentities.GATEWAY_CLIENT_ID
                        + "&redirect_uri=" + encode(DemoIdentities.TOOLING_REDIRECT_URI.toString())
                        + pkce))
                .GET());

        assertThat(response.statusCode()).isEqualTo(302);
        var redirect = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(KeycloakLogin.queryOf(redirect))
                .containsEntry("error", "invalid_request")
                .doesNotContainKey("code");
    }

    @Test
    void refusesWrongCredentialsWithoutRepeatingThem() {
        var wrong = "not-the-" + UUID.randomUUID();

        assertThatThrownBy(() -> login.userToken("de-ncp", wrong))
                .isInstanceOf(KeycloakLoginFailed.class)
                .hasMessageContaining("de-ncp")
                .hasMessageContaining("credentials were refused")
                .hasMessageNotContaining(wrong);
    }

    @Test
    void refusesACountryThatIsNotAnUpperCaseCode() throws Exception {
        var username = "invalid-country-" + UUID.randomUUID();
        var user = Map.of("username", username, "enabled", true, "attributes", Map.of("country", Set.of("pl")));

        var response = send(admin("users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(user))));
        if (response.statusCode() == 201) {
            send(admin(response.headers().firstValue("Location").orElseThrow()).DELETE());
        }

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("country");
    }

    @Test
    void keepsTheCountryOutOfTheUsersOwnReach() throws Exception {
        var token = login.userToken("pl-caseworker", DemoIdentities.PASSWORD);
        var account = URI.create(keycloak.issuer() + "/account/");
        var current = send(HttpRequest.newBuilder(account)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET());
        var profile = (ObjectNode) json.readTree(current.body());
        profile.withObject("attributes").putArray("country").add("DE");

        var response = send(HttpRequest.newBuilder(account)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(profile))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("error-user-attribute-read-only");
        assertThat(callerOf(login.userToken("pl-caseworker", DemoIdentities.PASSWORD))
                        .country())
                .isEqualTo("PL");
    }

    private static HttpRequest.Builder admin(String path) throws Exception {
        var answer =
                send(HttpRequest.newBuilder(keycloak.baseUri().resolve("realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                                + DemoIdentities.ADMIN_USERNAME + "&password=" + DemoIdentities.ADMIN_PASSWORD)));
        var token = json.readTree(answer.body()).path("access_token").asText();
        var uri = path.startsWith("http")
                ? URI.create(path)
                : keycloak.baseUri().resolve("admin/realms/" + DemoIdentities.REALM + "/" + path);
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
