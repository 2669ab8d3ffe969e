package io.vecta.api.compiler;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VPP's tree of {@code .api} files and the tables VPP's own generator produced for it, kept
 * beside the repository in {@code ../shared/reference} (or where the system property
 * {@value #LOCATION_PROPERTY} points). Tests that need them are skipped, never passed, when that
 * directory is absent.
 */
final class ReferenceData {

    static final String LOCATION_PROPERTY = "vecta.reference.dir";

    private static final Path ROOT = locate();

    private ReferenceData() {
    }

    /** The reference directory; skips the calling test when there is none. */
    static Path root() {
        assumeTrue(ROOT != null, "no ../shared/reference beside the repository: VPP reference data not available");
        return ROOT;
    }

    /** {@code vpp-api/src}: the include directory of VPP's tree; table paths are relative to it. */
    static Path sourceTree() {
        return root().resolve("vpp-api/src");
    }

    /** A tab-separated table as rows of column name to value. */
    static List<Map<String, String>> table(String name) {
        try {
            List<String> lines = Files.readAllLines(root().resolve(name));
            List<String> header = Arrays.asList(lines.getFirst().split("\t", -1));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root is the nearest directory holding mvnw; the reference sits in its parent. */
    private static Path locate() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        if (configured != null) {
            Path reference = Path.of(configured);
            return Files.isRegularFile(reference.resolve("vpp-api-crc.tsv")) ? reference : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                Path reference = dir.resolveSibling("shared").resolve("reference");
                return Files.isRegularFile(reference.resolve("vpp-api-crc.tsv")) ? reference : null;
            }
        }
        return null;
    }
}
