package io.vecta.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import io.vecta.api.compiler.ApiLoader;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.sdk.processor.api.ApiJavaWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of VPP's tree (157, plugins included) turns into Java: one class per message and
 * type, the module class, and a client for each file with services. Compiling all of it takes most of a minute, so the suite compiles only the core modules
 * ({@link GeneratedCodecCorpusTest}).
 */
class WholeTreeGenerationTest {

    @Test
    void shouldGenerateAClassForEveryMessageAndTypeOfEveryFile() throws Exception {
        Path tree = ApiCorpus.tree();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree.getParent())) {
            files = walk.filter(path -> path.toString().endsWith(".api")).sorted().toList();
        }
        ApiLoader loader = new ApiLoader(tree);
        ApiJavaWriter writer = new ApiJavaWriter(ApiCorpus.BASE_PACKAGE);
        int messages = 0;
        for (Path path : files) {
            ApiFile file = loader.load(path);
            List<JavaFile> generated = writer.write(file);
            Set<String> classes = new HashSet<>();
            for (JavaFile javaFile : generated) {
                classes.add(javaFile.packageName() + "." + javaFile.typeSpec().name());
            }
            int client = file.services().isEmpty() ? 0 : 1;
            assertThat(classes).as(path.toString())
                    .hasSize(file.messages().size() + file.types().size() + 1 + client);
            messages += file.messages().size();
        }
        assertThat(files).hasSize(157);
        assertThat(messages).isEqualTo(2207);
    }
}
