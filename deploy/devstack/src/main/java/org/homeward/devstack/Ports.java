package org.homeward.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The TCP ports of every component, all on 127.0.0.1: the defaults plus one offset, so a second stack (a system test)
 * can run beside a developer's.
 *
 * @param registries each country's registry port, in the order the countries were given
 */
public record Ports(
        int kafka,
        int kafkaController,
        int mongo,
        int keycloak,
        int keycloakManagement,
        int smtp,
        int mailApi,
        Map<String, Integer> registries,
        int matching,
        int notification) {

    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int MONGO = 27017;
    static final int KEYCLOAK = 8180;
    static final int KEYCLOAK_MANAGEMENT = 9180;
    static final int SMTP = 3025;
    static final int MAIL_API = 8025;
    static final int FIRST_REGISTRY = 8081;
    static final int MATCHING = 8090;
    static final int NOTIFICATION = 8091;

    public Ports {
        registries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registries));
    }

    /** The default ports plus {@code offset}; registries take 8081, 8082, ... in the order of {@code countries}. */
    public static Ports of(List<String> countries, int offset) {
        var registries = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < countries.size(); i++) {
            registries.put(countries.get(i), FIRST_REGISTRY + i + offset);
        }
        return new Ports(
                KAFKA + offset,
                KAFKA_CONTROLLER + offset,
                MONGO + offset,
                KEYCLOAK + offset,
                KEYCLOAK_MANAGEMENT + offset,
                SMTP + offset,
                MAIL_API + offset,
                registries,
                MATCHING + offset,
                NOTIFICATION + offset);
    }

    /** The port of a country's registry. */
    public int registry(String country) {
        var port = registries.get(country);
        if (port == null) {
            throw new IllegalArgumentException("no registry for country " + country);
        }
        return port;
    }

    /** Every port, named by what uses it ("kafka", "keycloak management", "registry-pl", ...), in start order. */
    public List<NamedPort> all() {
        var all = new ArrayList<NamedPort>();
        all.add(new NamedPort("kafka", kafka));
        all.add(new NamedPort("kafka controller", kafkaController));
        all.add(new NamedPort("mongo", mongo));
        all.add(new NamedPort("mail SMTP", smtp));
        all.add(new NamedPort("mail web API", mailApi));
        all.add(new NamedPort("keycloak", keycloak));
        all.add(new NamedPort("keycloak management", keycloakManagement));
        registries.forEach((country, port) -> all.add(new NamedPort(registryName(country), port)));
        all.add(new NamedPort("matching", matching));
        all.add(new NamedPort("notification", notification));
        return all;
    }

    /** The component name of a country's registry: {@code registry-pl}. */
    public static String registryName(String country) {
        return "registry-" + country.toLowerCase(Locale.ROOT);
    }

    /** The first port that something else already listens on, if any. */
    public Optional<NamedPort> firstTaken() {
        return all().stream().filter(port -> !isFree(port.port())).findFirst();
    }

    /** A port and what uses it. */
    public record NamedPort(String user, int port) {}

    /** Whether a server socket can bind this port on the loopback address now. */
    static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            // As the servers bind: a port left in TIME_WAIT by a stopped stack is free, one with a listener is not.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
