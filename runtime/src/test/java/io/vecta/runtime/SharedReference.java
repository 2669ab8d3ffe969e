package io.vecta.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * VPP's reference data that tests compare against: {@code shared/reference} beside the
 * repository (the directory that holds {@code mvnw}). A user's own clone has none, and the
 * tests that need it are then skipped, not passed.
 */
public final class SharedReference {

    /** Where the reference data is looked for. */
    public static final Path DIR = locate();

    private SharedReference() {
    }

    /**
     * The reference file {@code name}; skips the calling test when it is not there.
     */
    public static Path file(String name) {
        Path file = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "no " + file + " (../shared/reference beside the repository): not run");
        return file;
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolveSibling("shared").resolve("reference");
            }
        }
        return Path.of("").toAbsolutePath().resolveSibling("shared").resolve("reference");
    }
}
