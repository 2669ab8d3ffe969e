package io.vecta.runtime.graph;

import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.processor.NodeProcessor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles plugin sources, with or without the node processor, and packs them into a jar. */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Compiles {@code sources} (file name to text) against the SDK and writes {@code jar} with
     * the classes and any extra {@code resources} (path to text).
     */
    public static Path build(Path work, Path jar, boolean runProcessor, Map<String, String> sources,
                      Map<String, String> resources) {
        try {
            Path src = Files.createDirectories(work.resolve("src-" + jar.getFileName()));
            Path classes = Files.createDirectories(work.resolve("classes-" + jar.getFileName()));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
                String classPath = location(PluginRegistration.class) + java.io.File.pathSeparator
                        + location(GraphNode.class);
                JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics,
                        List.of("-classpath", classPath, "-d", classes.toString(), "-proc:full"), null,
                        fileManager.getJavaFileObjectsFromPaths(files));
                task.setProcessors(runProcessor ? List.of(new NodeProcessor()) : List.of());
                if (!task.call()) {
                    throw new IllegalStateException("plugin sources do not compile: " + diagnostics.getDiagnostics());
                }
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                Path file = classes.resolve(resource.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, resource.getValue());
            }
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
                 Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
