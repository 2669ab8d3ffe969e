package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated registration of a plugin with commands against a checked-in source. When
 * the generator changes on purpose, review {@code target/golden-actual/Plugin_Registration.java}
 * and replace the golden file with it.
 */
class CliRegistrationGoldenTest {

    @Test
    void shouldGenerateTheCommandsOfTheGoldenFile() throws IOException {
        Compilation compilation = Sources.compile(Sources.plugin(), Sources.acmeCommands());

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("com.acme.Plugin_Registration").orElseThrow()
                .getCharContent(false).toString();
        String golden = golden("golden/Plugin_Registration.java");
        if (!generated.equals(golden)) {
            Path actual = Path.of("target", "golden-actual", "Plugin_Registration.java");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, generated);
        }
        assertThat(generated).isEqualTo(golden);
        assertThat(compilation).generatedSourceFile("com.acme.Plugin_Registration")
                .hasSourceEquivalentTo(JavaFileObjects.forSourceString("com.acme.Plugin_Registration", golden));
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = CliRegistrationGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
