package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated dispatcher's shape against a checked-in source ({@link Golden}).
 */
class DispatcherGoldenTest {

    @Test
    void shouldGenerateTheQuadLoopDispatcherOfTheGoldenFile() throws IOException {
        Compilation compilation = Sources.compile(Sources.ttlCheck());

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("com.acme.TtlCheck_Dispatch").orElseThrow()
                .getCharContent(false).toString();
        String golden = Golden.assertMatches("TtlCheck_Dispatch.java", generated);
        assertThat(compilation).generatedSourceFile("com.acme.TtlCheck_Dispatch")
                .hasSourceEquivalentTo(JavaFileObjects.forSourceString("com.acme.TtlCheck_Dispatch", golden));
    }

}
