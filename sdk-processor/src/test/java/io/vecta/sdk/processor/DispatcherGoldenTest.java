package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated dispatcher's shape against a checked-in source. When the generator
 * changes on purpose, run this test with {@code -Dgolden.update=true} to write the new output
 * over the golden file, and review the difference before committing it.
 */
class DispatcherGoldenTest {

    @Test
    void shouldGenerateTheQuadLoopDispatcherOfTheGoldenFile() throws IOException {
        Compilation compilation = Sources.compile(Sources.ttlCheck());

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("com.acme.TtlCheck_Dispatch").orElseThrow()
                .getCharContent(false).toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/TtlCheck_Dispatch.java"), generated);
        }
        String golden = golden("golden/TtlCheck_Dispatch.java");
        assertThat(generated).isEqualTo(golden);
        assertThat(compilation).generatedSourceFile("com.acme.TtlCheck_Dispatch")
                .hasSourceEquivalentTo(JavaFileObjects.forSourceString("com.acme.TtlCheck_Dispatch", golden));
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = DispatcherGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
