package io.vecta.sdk.processor.api;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.vecta.api.compiler.ApiCompileException;
import io.vecta.api.compiler.ApiLoader;
import io.vecta.api.compiler.Diagnostic;
import io.vecta.api.compiler.model.ApiFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates Java from the {@code .api} file named by {@code @ApiModule} on a package (see
 * {@link io.vecta.sdk.annotation.ApiModule} for where files are found). The file is loaded and
 * checked by the {@code .api} compiler first; its errors become compile errors on the annotated
 * package with the {@code .api} file, line and column. Then {@link ApiJavaWriter} writes the
 * file's types and messages and the types of every file it imports, each module once per
 * compilation.
 */
@AutoService(Processor.class)
public final class ApiModuleProcessor extends AbstractProcessor {

    /** The directory {@code @ApiModule} paths are relative to; also the first include directory. */
    public static final String API_DIR_OPTION = "vecta.api.dir";
    /** More include directories for imports, separated by {@link File#pathSeparator}. */
    public static final String API_INCLUDE_OPTION = "vecta.api.include";

    private static final String API_MODULE = "io.vecta.sdk.annotation.ApiModule";
    private static final String TAG = "VectaApi";

    /** Packages already written in this compilation, so that a module imported twice is written once. */
    private final Set<String> writtenPackages = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(API_MODULE);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(API_DIR_OPTION, API_INCLUDE_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(API_MODULE);
        if (annotation == null) {
            return false;
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element instanceof PackageElement pkg) {
                for (String fileName : fileNames(pkg)) {
                    generate(pkg, fileName);
                }
            }
        }
        return true;
    }

    private void generate(PackageElement pkg, String fileName) {
        ApiFile file;
        try {
            file = load(fileName).orElse(null);
        } catch (ApiCompileException e) {
            for (Diagnostic diagnostic : e.diagnostics()) {
                error(pkg, diagnostic.toString(), "fix the .api file; the position is file:line:column");
            }
            return;
        } catch (UncheckedIOException e) {
            error(pkg, "cannot read " + fileName + ": " + e.getCause().getMessage(), "check the file's permissions");
            return;
        }
        if (file == null) {
            error(pkg, "the .api file '" + fileName + "' was not found",
                    "set -A" + API_DIR_OPTION + "=<directory> (usually ${project.basedir}/src/main/api) in the"
                            + " compiler arguments, or put the file on the source path");
            return;
        }
        ApiJavaWriter writer = new ApiJavaWriter(pkg.getQualifiedName().toString());
        try {
            List<JavaFile> files = new ArrayList<>();
            for (ApiFile imported : ApiJavaWriter.importedFiles(file)) {
                if (writtenPackages.add(writer.packageOf(imported.module()))) {
                    files.addAll(writer.writeTypesOnly(imported));
                }
            }
            if (!writtenPackages.add(writer.packageOf(file.module()))) {
                error(pkg, "module '" + file.module() + "' is generated twice into " + writer.packageOf(file.module()),
                        "annotate one package per .api file, and no file that another annotated file imports");
                return;
            }
            files.addAll(writer.write(file));
            for (JavaFile javaFile : files) {
                String name = javaFile.packageName() + "." + javaFile.typeSpec().name();
                try (Writer out = processingEnv.getFiler().createSourceFile(name, pkg).openWriter()) {
                    javaFile.writeTo(out);
                }
            }
        } catch (GeneratorException e) {
            error(pkg, e.getMessage(), "rename one of the definitions in the .api file");
        } catch (IOException e) {
            error(pkg, "cannot write the Java of " + fileName + ": " + e.getMessage(), "check the output directory");
        }
    }

    /**
     * The option's directory first; otherwise the compilation's source path, then its class path
     * (a file outside the file system is loaded without its imports' directory).
     */
    private Optional<ApiFile> load(String fileName) throws ApiCompileException {
        String dir = processingEnv.getOptions().get(API_DIR_OPTION);
        List<Path> includes = new ArrayList<>();
        String more = processingEnv.getOptions().get(API_INCLUDE_OPTION);
        if (dir != null) {
            Path root = Path.of(dir);
            includes.add(root);
            addIncludes(includes, more);
            Path file = root.resolve(fileName);
            return Files.isRegularFile(file) ? Optional.of(new ApiLoader(includes).load(file)) : Optional.empty();
        }
        for (StandardLocation location : List.of(StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH)) {
            FileObject resource;
            try {
                resource = processingEnv.getFiler().getResource(location, "", fileName);
            } catch (IOException | IllegalArgumentException e) {
                continue;
            }
            URI uri = resource.toUri();
            if ("file".equals(uri.getScheme())) {
                Path file = Path.of(uri);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                includes.add(rootOf(file, fileName));
                addIncludes(includes, more);
                return Optional.of(new ApiLoader(includes).load(file));
            }
            try (InputStream in = resource.openInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                addIncludes(includes, more);
                return Optional.of(new ApiLoader(includes).load(Path.of(fileName), text));
            } catch (IOException e) {
                // not on this path: try the next
            }
        }
        return Optional.empty();
    }

    private static void addIncludes(List<Path> includes, String option) {
        if (option != null && !option.isBlank()) {
            for (String entry : option.split(File.pathSeparator)) {
                includes.add(Path.of(entry.trim()));
            }
        }
    }

    /** The directory {@code file} is {@code relative} to. */
    private static Path rootOf(Path file, String relative) {
        Path root = file.toAbsolutePath();
        for (int i = 0; i < Path.of(relative).getNameCount(); i++) {
            root = root.getParent();
        }
        return root;
    }

    private List<String> fileNames(PackageElement pkg) {
        for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(API_MODULE)) {
                for (var entry : mirror.getElementValues().entrySet()) {
                    ExecutableElement key = entry.getKey();
                    AnnotationValue value = entry.getValue();
                    if (key.getSimpleName().contentEquals("value")) {
                        List<String> names = new ArrayList<>();
                        if (value.getValue() instanceof List<?> several) {
                            for (Object one : several) {
                                names.add(((AnnotationValue) one).getValue().toString());
                            }
                        } else {
                            names.add(value.getValue().toString());
                        }
                        return names;
                    }
                }
            }
        }
        throw new IllegalStateException("no @ApiModule on " + pkg);
    }

    private void error(Element element, String message, String help) {
        processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
                "[" + TAG + "] " + message + "\n  help: " + help, element);
    }
}
