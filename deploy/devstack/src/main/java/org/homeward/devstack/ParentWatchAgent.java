package org.homeward.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the one-class agent jar that makes a service's JVM watch the launcher ({@link ParentWatch}). Written at every
 * start from the launcher's own class, so it never lags behind the code, and it works from {@code target/classes}
 * (tests) as well as from a jar.
 */
final class ParentWatchAgent {

    private ParentWatchAgent() {}

    /** Writes {@code dir/parent-watch.jar} and returns its path. */
    static Path write(Path dir) {
        var resource = ParentWatch.class.getName().replace('.', '/') + ".class";
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", ParentWatch.class.getName());
        try (var classBytes = ParentWatch.class.getClassLoader().getResourceAsStream(resource)) {
            if (classBytes == null) {
                throw new IllegalStateException("ParentWatch.class is not on the launcher's classpath");
            }
            Files.createDirectories(dir);
            var jar = dir.resolve("parent-watch.jar");
            var partial = Files.createTempFile(dir, "parent-watch", ".tmp");
            try (var out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                out.putNextEntry(new JarEntry(resource));
                classBytes.transferTo(out);
                out.closeEntry();
            }
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the parent-watch agent jar to " + dir, e);
        }
    }
}
