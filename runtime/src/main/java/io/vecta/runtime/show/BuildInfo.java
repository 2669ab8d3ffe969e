package io.vecta.runtime.show;

import io.vecta.runtime.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How the runtime was built, as {@code show version verbose} reports it: the launcher jar's
 * manifest records who built it, when, where and with which JDK. A runtime run from class
 * directories (tests, an IDE) has no manifest, and each of those facts is {@link #UNKNOWN}.
 *
 * @param version      the runtime's version ({@link Version#VERSION})
 * @param builtBy      manifest {@code Built-By}
 * @param buildHost    manifest {@code Build-Host}
 * @param buildDate    manifest {@code Build-Date}
 * @param buildLocation manifest {@code Build-Location}: the source tree it was built from
 * @param compiler     manifest {@code Build-Jdk}: the JDK that compiled it
 */
public record BuildInfo(String version, String builtBy, String buildHost, String buildDate, String buildLocation,
                        String compiler) {

    /** A fact the build did not record. */
    public static final String UNKNOWN = "-";

    /** Checks the fields. */
    public BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(builtBy, "builtBy");
        Objects.requireNonNull(buildHost, "buildHost");
        Objects.requireNonNull(buildDate, "buildDate");
        Objects.requireNonNull(buildLocation, "buildLocation");
        Objects.requireNonNull(compiler, "compiler");
    }

    /** This runtime's build, from the manifest of the jar it runs from, if any. */
    public static BuildInfo runtime() {
        CodeSource source = Version.class.getProtectionDomain().getCodeSource();
        Manifest manifest = new Manifest();
        if (source != null) {
            try {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    try (JarFile jar = new JarFile(location.toFile())) {
                        manifest = jar.getManifest() != null ? jar.getManifest() : manifest;
                    }
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // a location that is not a file: nothing to read
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the manifest of " + source.getLocation(), e);
            }
        }
        return of(Version.VERSION, manifest);
    }

    /** The build of {@code version} that {@code manifest} describes. */
    public static BuildInfo of(String version, Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        return new BuildInfo(version, value(main, "Built-By"), value(main, "Build-Host"), value(main, "Build-Date"),
                value(main, "Build-Location"), value(main, "Build-Jdk"));
    }

    private static String value(Attributes attributes, String name) {
        String value = attributes.getValue(name);
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
