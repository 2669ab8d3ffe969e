package io.vecta.sdk.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import io.vecta.api.compiler.ApiCompileException;
import io.vecta.api.compiler.ApiLoader;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.sdk.processor.api.ApiJavaWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * VPP's core {@code .api} files from the reference tree beside the repository (or where the
 * system property {@value #LOCATION_PROPERTY} points), turned into Java by {@link ApiJavaWriter},
 * compiled and loaded. Tests that need them are skipped, never passed, when the tree is absent.
 */
final class ApiCorpus {

    static final String LOCATION_PROPERTY = "vecta.reference.dir";
    static final String BASE_PACKAGE = "org.example.vpp";

    /** The modules every client uses, relative to VPP's src/. */
    static final List<String> CORE = List.of("vlibmemory/memclnt.api", "vpp/api/vpe.api", "vlibmemory/vlib.api",
            "vnet/interface.api", "vnet/ip/ip.api", "vnet/l2/l2.api");

    final List<ApiFile> files;
    final ApiJavaWriter writer = new ApiJavaWriter(BASE_PACKAGE);
    final CompiledClasses classes;
    final int sourceCount;

    private ApiCorpus(List<ApiFile> files, CompiledClasses classes, int sourceCount) {
        this.files = files;
        this.classes = classes;
        this.sourceCount = sourceCount;
    }

    private static ApiCorpus loaded;

    /** Loaded and compiled once per test run; skips the caller when the reference tree is absent. */
    static synchronized ApiCorpus get() throws ApiCompileException {
        Path tree = tree();
        if (loaded == null) {
            ApiLoader loader = new ApiLoader(tree);
            ApiJavaWriter writer = new ApiJavaWriter(BASE_PACKAGE);
            List<ApiFile> files = new ArrayList<>();
            Map<String, JavaFileObject> sources = new LinkedHashMap<>();
            for (String name : CORE) {
                ApiFile file = loader.load(tree.resolve(name));
                files.add(file);
                for (ApiFile imported : ApiJavaWriter.importedFiles(file)) {
                    add(sources, writer.writeTypesOnly(imported));
                }
            }
            for (ApiFile file : files) {
                add(sources, writer.write(file));
            }
            Compilation compilation = javac().withOptions("-Xlint:all", "-Werror").compile(sources.values());
            if (compilation.status() != Compilation.Status.SUCCESS) {
                throw new AssertionError("generated code does not compile:\n" + compilation.diagnostics());
            }
            loaded = new ApiCorpus(files, new CompiledClasses(compilation), sources.size());
        }
        return loaded;
    }

    /** A later source of the same class replaces an earlier one: a core file's full output wins over its types only. */
    private static void add(Map<String, JavaFileObject> sources, List<JavaFile> files) {
        for (JavaFile file : files) {
            JavaFileObject object = file.toJavaFileObject();
            sources.put(file.packageName() + "." + file.typeSpec().name(), object);
        }
    }

    Class<?> load(String className) {
        try {
            return classes.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** VPP's src/ directory of {@code .api} files; skips the caller when it is absent. */
    static Path tree() {
        Path tree = sourceTree();
        assumeTrue(tree != null, "no ../shared/reference/vpp-api beside the repository: VPP's .api files not available");
        return tree;
    }

    private static Path sourceTree() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        Path reference = null;
        if (configured != null) {
            reference = Path.of(configured);
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("mvnw"))) {
                    reference = dir.resolveSibling("shared").resolve("reference");
                    break;
                }
            }
        }
        if (reference == null) {
            return null;
        }
        Path tree = reference.resolve("vpp-api/src");
        return Files.isRegularFile(tree.resolve("vpp/api/vpe.api")) ? tree : null;
    }
}
