package io.vecta.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checked-in sources that pin what the processor generates, under
 * {@code src/test/resources/golden}. When a generator changes on purpose, run the tests with
 * {@code -Dgolden.update=true}: each golden file is rewritten with what was generated, and the
 * difference is reviewed ({@code git diff}) before it is committed.
 */
final class Golden {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    /**
     * Asserts that {@code generated} is golden file {@code name} to the character, after
     * rewriting the file first under {@code -Dgolden.update=true}.
     *
     * @return the golden file's text
     */
    static String assertMatches(String name, String generated) throws IOException {
        Path file = DIRECTORY.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, generated);
        }
        assertThat(file).as("golden file").exists();
        String golden = Files.readString(file);
        assertThat(generated).as("generated source against %s (run with -Dgolden.update=true if the change is meant)",
                file).isEqualTo(golden);
        return golden;
    }
}
