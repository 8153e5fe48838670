package org.homeward.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.devstack.keycloak.KeycloakServer;

/**
 * Builds every component of a stack from the options: the command line, environment, heap cap, readiness probe and
 * log file of each. Heap caps keep the whole stack (three registries) near 3 GB resident; see the README.
 */
final class StackComponents {

    static final String KAFKA = "kafka";
    static final String MONGO = "mongo";
    static final String MAIL = "mail";
    static final String KEYCLOAK = "keycloak";
    static final String MATCHING = "matching";
    static final String NOTIFICATION = "notification";

    /** Flags of every JVM the launcher starts: fail fast on exhausted memory, few threads, quick start-up. */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:+ExitOnOutOfMemoryError",
            // One GC thread and small footprint; pauses do not matter on a developer's machine.
            "-XX:+UseSerialGC",
            // C1 only: about a third less CPU while 2 cores start nine JVMs; peak throughput is not the point here.
            "-XX:TieredStopAtLevel=1",
            "-Dfile.encoding=UTF-8");

    private final DevstackOptions options;
    private final Ports ports;
    private final Path dataDir;
    private final Path javaExecutable;
    private final String classpath;
    private final Path agentJar;
    private final long launcherPid;
    private final Keysets keysets;

    StackComponents(DevstackOptions options, Path dataDir, Path agentJar, long launcherPid) {
        this.options = options;
        this.ports = options.ports();
        this.dataDir = dataDir;
        this.javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        this.classpath = launcherClasspath(options.installDir());
        this.agentJar = agentJar;
        this.launcherPid = launcherPid;
        this.keysets = new Keysets(dataDir.resolve("keys"));
    }

    Keysets keysets() {
        return keysets;
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** Every component, in start order. */
    Map<String, Component> all() {
        var all = new LinkedHashMap<String, Component>();
        for (var component : List.of(kafka(), mongo(), mail(), keycloak())) {
            all.put(component.name(), component);
        }
        for (var service : services()) {
            all.put(service.name(), service);
        }
        return all;
    }

    /** How each component tells it is ready, by name, in start order; also what {@code --health} asks. */
    Map<String, Probes.Probe> probes() {
        return probes(ports);
    }

    static Map<String, Probes.Probe> probes(Ports ports) {
        var probes = new LinkedHashMap<String, Probes.Probe>();
        probes.put(KAFKA, Probes.kafka(ports.kafka()));
        probes.put(MONGO, Probes.mongo(ports.mongo()));
        probes.put(MAIL, Probes.http(URI.create("http://127.0.0.1:" + ports.mailApi() + "/api/service/readiness")));
        probes.put(
                KEYCLOAK, Probes.http(URI.create("http://127.0.0.1:" + ports.keycloakManagement() + "/health/ready")));
        ports.registries().forEach((country, port) -> probes.put(Ports.registryName(country), readiness(port)));
        probes.put(MATCHING, readiness(ports.matching()));
        probes.put(NOTIFICATION, readiness(ports.notification()));
        return probes;
    }

    private static Probes.Probe readiness(int port) {
        return Probes.http(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
    }

    /** Where each component is reached, by name, in start order. */
    static Map<String, String> addresses(Ports ports) {
        var addresses = new LinkedHashMap<String, String>();
        addresses.put(KAFKA, "127.0.0.1:" + ports.kafka());
        addresses.put(MONGO, "mongodb://127.0.0.1:" + ports.mongo());
        addresses.put(MAIL, local(ports.mailApi()) + " (SMTP 127.0.0.1:" + ports.smtp() + ")");
        addresses.put(KEYCLOAK, local(ports.keycloak()));
        ports.registries().forEach((country, port) -> addresses.put(Ports.registryName(country), local(port)));
        addresses.put(MATCHING, local(ports.matching()));
        addresses.put(NOTIFICATION, local(ports.notification()));
        return addresses;
    }

    private static String local(int port) {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The infrastructure started first, together: broker, database, mail, identity. */
    static List<String> infrastructure() {
        return List.of(KAFKA, MONGO, MAIL, KEYCLOAK);
    }

    Component kafka() {
        var config = KafkaBroker.writeConfig(
                dataDir.resolve("kafka/server.properties"),
                dataDir.resolve("kafka/data"),
                ports.kafka(),
                ports.kafkaController());
        return server(
                KAFKA,
                "127.0.0.1:" + ports.kafka(),
                "384m",
                KafkaBroker.class.getName(),
                List.of(config.toString()),
                probes().get(KAFKA),
                Duration.ofSeconds(90));
    }

    Component mongo() {
        return server(
                MONGO,
                "mongodb://127.0.0.1:" + ports.mongo(),
                "256m",
                MongoWireServer.class.getName(),
                List.of(
                        String.valueOf(ports.mongo()),
                        dataDir.resolve("mongo/homeward.mv").toString()),
                probes().get(MONGO),
                Duration.ofSeconds(60));
    }

    Component mail() {
        var command = new ArrayList<String>(jvm("64m"));
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + ports.smtp(),
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + ports.mailApi(),
                // Any sender, any recipient: every address gets a mailbox on its first message.
                "-Dgreenmail.auth.disabled",
                "-jar",
                options.installDir().resolve("greenmail-standalone.jar").toString()));
        return new ProcessComponent(
                MAIL,
                "http://127.0.0.1:" + ports.mailApi() + "/",
                () -> new ProcessComponent.Launch(command, Map.of()),
                probes().get(MAIL),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                dataDir,
                log(MAIL));
    }

    Component keycloak() {
        var settings = new KeycloakServer.Settings(
                options.installDir().resolve("keycloak/keycloak-quarkus-dist.zip"),
                dataDir.resolve("keycloak"),
                realmFile(options.installDir()),
                ports.keycloak(),
                ports.keycloakManagement(),
                Path.of(System.getProperty("java.home")),
                log(KEYCLOAK));
        return new KeycloakComponent(settings, launcherPid, probes().get(KEYCLOAK));
    }

    /** Registries (one per country), matching and notification. */
    List<Component> services() {
        var services = new ArrayList<Component>();
        for (var country : options.countries()) {
            services.add(registry(country));
        }
        services.add(matching());
        services.add(notification());
        return services;
    }

    Component registry(String country) {
        var lower = country.toLowerCase(Locale.ROOT);
        var environment = serviceEnvironment(ports.registry(country), "homeward-registry-" + lower);
        environment.put("HOMEWARD_COUNTRY", country);
        environment.put(
                "HOMEWARD_PROTECTION_AEAD_KEYSET_FILE",
                keysets.aead(country).toAbsolutePath().toString());
        environment.put(
                "HOMEWARD_PROTECTION_DOCUMENT_HASH_KEYSET_FILE",
                keysets.documentHash().toAbsolutePath().toString());
        return service(
                Ports.registryName(country), "registry-service.jar", "256m", ports.registry(country), environment);
    }

    Component matching() {
        var environment = serviceEnvironment(ports.matching(), "homeward-matching");
        return service(MATCHING, "matching-service.jar", "384m", ports.matching(), environment);
    }

    Component notification() {
        var environment = serviceEnvironment(ports.notification(), "homeward-notification");
        environment.put("HOMEWARD_SMTP_HOST", "127.0.0.1");
        environment.put("HOMEWARD_SMTP_PORT", String.valueOf(ports.smtp()));
        // Webhooks to http://127.0.0.1 are allowed here only, for receivers a developer runs beside the stack.
        environment.put("HOMEWARD_ALLOW_INSECURE_WEBHOOKS", "true");
        return service(NOTIFICATION, "notification-service.jar", "256m", ports.notification(), environment);
    }

    private Map<String, String> serviceEnvironment(int port, String database) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("PORT", String.valueOf(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("HOMEWARD_MONGODB_URI", "mongodb://127.0.0.1:" + ports.mongo() + "/" + database);
        environment.put("HOMEWARD_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        environment.put(
                "HOMEWARD_SECURITY_ISSUER_URI", Endpoints.of(ports).issuer().toString());
        environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        return environment;
    }

    private Component service(String name, String jar, String heap, int port, Map<String, String> environment) {
        var command = new ArrayList<String>(jvm(heap));
        command.add("-jar");
        command.add(ServiceJars.extracted(
                        options.installDir().resolve("services").resolve(jar),
                        dataDir.resolve("run/services"),
                        javaExecutable)
                .toString());
        var fixed = Map.copyOf(environment);
        return new ProcessComponent(
                name,
                "http://127.0.0.1:" + port + "/",
                () -> new ProcessComponent.Launch(command, fixed),
                readiness(port),
                Duration.ofMinutes(4),
                Duration.ofSeconds(20),
                dataDir,
                log(name));
    }

    /** A server main of this module, run with the launcher's classpath. */
    private Component server(
            String name,
            String address,
            String heap,
            String mainClass,
            List<String> args,
            Probes.Probe probe,
            Duration readyTimeout) {
        var command = new ArrayList<String>(jvm(heap));
        command.addAll(List.of(
                "-Dlogback.configurationFile=devstack-logback.xml",
                "-Dhomeward.log.level=INFO",
                "-Dhomeward.log.kafka.level=INFO",
                "-cp",
                classpath,
                mainClass));
        command.addAll(args);
        return new ProcessComponent(
                name,
                address,
                () -> new ProcessComponent.Launch(command, Map.of()),
                probe,
                readyTimeout,
                Duration.ofSeconds(20),
                dataDir,
                log(name));
    }

    private List<String> jvm(String heap) {
        var command = new ArrayList<String>();
        command.add(javaExecutable.toString());
        command.add("-Xmx" + heap);
        command.addAll(JVM_FLAGS);
        command.add("-javaagent:" + agentJar.toAbsolutePath() + "=" + launcherPid);
        return command;
    }

    private Path log(String name) {
        return logsDir().resolve(name + ".log");
    }

    /** {@code target/classes} and the dependencies listed in {@code target/classpath.txt}. */
    static String launcherClasspath(Path installDir) {
        try {
            var dependencies = Files.readString(installDir.resolve("classpath.txt"), StandardCharsets.UTF_8)
                    .strip();
            return installDir.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + installDir.resolve("classpath.txt"), e);
        }
    }

    /** The realm export, {@code deploy/keycloak/homeward-realm.json}, found from the install folder. */
    static Path realmFile(Path installDir) {
        // installDir is deploy/devstack/target
        return installDir.toAbsolutePath().getParent().getParent().resolve("keycloak/homeward-realm.json");
    }
}
