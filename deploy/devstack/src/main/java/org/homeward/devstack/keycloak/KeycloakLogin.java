package org.homeward.devstack.keycloak;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.homeward.devstack.keycloak.DemoIdentities.DemoClient;

/**
 * Gets real access tokens from the Homeward realm the way real clients do, with the JDK's HTTP client only.
 *
 * <p>Users log in through the gateway client with the authorization code flow and PKCE S256, as a browser would: the
 * login page is fetched, the credentials are posted to its form with Keycloak's session cookies, the code is taken
 * from the redirect without calling the redirect URI, and exchanged with the client's secret. Partner systems use the
 * client-credentials grant. No password grant: the realm does not allow it.
 */
public final class KeycloakLogin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt);");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final String gatewayClientId;
    private final String gatewayClientSecret;
    private final URI redirectUri;

    /**
     * @param issuer the realm's URL, such as {@code http://127.0.0.1:8180/realms/homeward}
     * @param gatewayClientId the confidential client users log in through
     * @param gatewayClientSecret its secret
     * @param redirectUri a redirect URI registered on that client; it is never called
     */
    public KeycloakLogin(URI issuer, String gatewayClientId, String gatewayClientSecret, URI redirectUri) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.gatewayClientId = Objects.requireNonNull(gatewayClientId, "gatewayClientId");
        this.gatewayClientSecret = Objects.requireNonNull(gatewayClientSecret, "gatewayClientSecret");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /** Logs in through the demo realm's {@code homeward-gateway} client and its tooling redirect URI. */
    public KeycloakLogin(URI issuer) {
        this(
                issuer,
                DemoIdentities.GATEWAY_CLIENT_ID,
                DemoIdentities.GATEWAY_CLIENT_SECRET,
                DemoIdentities.TOOLING_REDIRECT_URI);
    }

    /**
     * A user's access token, from the authorization code flow with PKCE S256.
     *
     * @throws KeycloakLoginFailed if Keycloak refuses the request or the credentials, or asks for more than a password
     */
    public String userToken(String username, String password) {
        var verifier = randomToken();
        var state = randomToken();
        var authorization = endpoint("auth")
                + "?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        gatewayClientId,
                        "redirect_uri",
                        redirectUri.toString(),
                        "scope",
                        "openid",
                        "state",
                        state,
                        "nonce",
                        randomToken(),
                        "code_challenge",
                        challengeOf(verifier),
                        "code_challenge_method",
                        "S256"));
        var failure = "Keycloak did not log in user " + username + " through client " + gatewayClientId + ": ";
        try (var http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build()) {
            var loginPage =
                    send(http, HttpRequest.newBuilder(URI.create(authorization)).GET(), failure);
            if (loginPage.statusCode() != 200) {
                throw new KeycloakLoginFailed(
                        failure + "the authorization request was answered with " + describeRedirectOrStatus(loginPage));
            }
            var action = loginFormAction(loginPage.body())
                    .orElseThrow(() -> new KeycloakLoginFailed(failure + "the answer holds no login form"));
            var credentials = form(Map.of("username", username, "password", password, "credentialId", ""));
            var afterLogin =
                    send(http, post(URI.create(action), credentials).header("Cookie", cookiesOf(loginPage)), failure);
            if (afterLogin.statusCode() == 200) {
                throw new KeycloakLoginFailed(failure
                        + (loginFormAction(afterLogin.body()).isPresent()
                                ? "the credentials were refused"
                                : "it asked for more than a password (a required action?)"));
            }
            if (afterLogin.statusCode() != 302) {
                throw new KeycloakLoginFailed(
                        failure + "the login form was answered with status " + afterLogin.statusCode());
            }
            var callback = queryOf(location(afterLogin));
            if (callback.containsKey("error")) {
                throw new KeycloakLoginFailed(failure + "it redirected with " + errorOf(callback));
            }
            if (!state.equals(callback.get("state")) || !callback.containsKey("code")) {
                throw new KeycloakLoginFailed(failure + "the redirect carries no code for this request's state");
            }
            var exchange = form(Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    callback.get("code"),
                    "redirect_uri",
                    redirectUri.toString(),
                    "code_verifier",
                    verifier));
            return accessToken(http, exchange, gatewayClientId, gatewayClientSecret, failure);
        }
    }

    /**
     * A client's access token, from the client-credentials grant.
     *
     * @throws KeycloakLoginFailed if Keycloak refuses the client
     */
    public String clientToken(String clientId, String secret) {
        var failure = "Keycloak gave client " + clientId + " no token: ";
        try (var http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            return accessToken(http, form(Map.of("grant_type", "client_credentials")), clientId, secret, failure);
        }
    }

    /** A demo client's access token, from the client-credentials grant. */
    public String clientToken(DemoClient client) {
        return clientToken(client.clientId(), client.secret());
    }

    /** The realm's token endpoint. */
    public URI tokenEndpoint() {
        return URI.create(endpoint("token"));
    }

    /** The realm's authorization endpoint. */
    public URI authorizationEndpoint() {
        return URI.create(endpoint("auth"));
    }

    private String endpoint(String name) {
        var realm = issuer.toString();
        return (realm.endsWith("/") ? realm : realm + "/") + "protocol/openid-connect/" + name;
    }

    private String accessToken(HttpClient http, String body, String clientId, String secret, String failure) {
        // client_secret_basic: RFC 6749 section 2.3.1 form-encodes id and secret before Base64.
        var basic = Base64.getEncoder()
                .encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        var response = send(http, post(tokenEndpoint(), body).header("Authorization", "Basic " + basic), failure);
        Map<?, ?> answer;
        try {
            answer = JSON.readValue(response.body(), Map.class);
        } catch (JacksonException notJson) {
            throw new KeycloakLoginFailed(
                    failure + "the token endpoint answered status " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200 || !(answer.get("access_token") instanceof String token)) {
            throw new KeycloakLoginFailed(failure + "the token endpoint answered status " + response.statusCode()
                    + " with " + errorOf(answer));
        }
        return token;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String failure) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new KeycloakLoginFailed(failure + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new KeycloakLoginFailed(failure + "interrupted", interrupted);
        }
    }

    private static HttpRequest.Builder post(URI uri, String form) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    /** The login form's target, with HTML character references resolved. */
    static Optional<String> loginFormAction(String html) {
        var form = LOGIN_FORM.matcher(html);
        if (!form.find()) {
            return Optional.empty();
        }
        var action = ACTION.matcher(form.group());
        if (!action.find()) {
            return Optional.empty();
        }
        return Optional.of(CHARACTER_REFERENCE.matcher(action.group(1)).replaceAll(KeycloakLogin::resolve));
    }

    private static String resolve(MatchResult reference) {
        var name = reference.group(1);
        var character = switch (name) {
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "lt" -> "<";
            case "gt" -> ">";
            default ->
                Character.toString(
                        name.startsWith("#x")
                                ? Integer.parseInt(name.substring(2), 16)
                                : Integer.parseInt(name.substring(1)));
        };
        return Matcher.quoteReplacement(character);
    }

    /**
     * The session cookies Keycloak set, as a {@code Cookie} header. Keycloak marks them {@code Secure} even over http
     * (browsers send such cookies to loopback origins); the JDK's {@code CookieManager} would withhold them from an
     * http request, so they are carried by hand. Each login has its own, so two logins never share a session.
     */
    private static String cookiesOf(HttpResponse<?> response) {
        var cookies = new LinkedHashMap<String, String>();
        for (var header : response.headers().allValues("Set-Cookie")) {
            var end = header.indexOf(';');
            var pair = (end < 0 ? header : header.substring(0, end)).trim();
            var equals = pair.indexOf('=');
            if (equals > 0 && !header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.put(pair.substring(0, equals), pair);
            }
        }
        return String.join("; ", cookies.values());
    }

    private static URI location(HttpResponse<?> response) {
        var location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new KeycloakLoginFailed("Keycloak redirected without a Location header"));
        return response.request().uri().resolve(location);
    }

    private static String describeRedirectOrStatus(HttpResponse<?> response) {
        if (response.statusCode() / 100 == 3) {
            var query = queryOf(location(response));
            if (query.containsKey("error")) {
                return "a redirect with " + errorOf(query);
            }
        }
        return "status " + response.statusCode();
    }

    static Map<String, String> queryOf(URI uri) {
        var query = new HashMap<String, String>();
        var raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (var pair : raw.split("&")) {
            var equals = pair.indexOf('=');
            var name = equals < 0 ? pair : pair.substring(0, equals);
            var value = equals < 0 ? "" : pair.substring(equals + 1);
            query.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String errorOf(Map<?, ?> answer) {
        return "error=" + answer.get("error") + " (" + answer.get("error_description") + ")";
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636: BASE64URL(SHA-256(ASCII(code_verifier))). */
    static String challengeOf(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
