package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated registration of a plugin with commands against a checked-in source
 * ({@link Golden}).
 */
class CliRegistrationGoldenTest {

    @Test
    void shouldGenerateTheCommandsOfTheGoldenFile() throws IOException {
        Compilation compilation = Sources.compile(Sources.plugin(), Sources.acmeCommands());

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("com.acme.Plugin_Registration").orElseThrow()
                .getCharContent(false).toString();
        String golden = Golden.assertMatches("Plugin_Registration.java", generated);
        assertThat(compilation).generatedSourceFile("com.acme.Plugin_Registration")
                .hasSourceEquivalentTo(JavaFileObjects.forSourceString("com.acme.Plugin_Registration", golden));
    }

}
