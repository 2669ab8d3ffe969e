package io.vecta.api.compiler;

import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every message's CRC in a {@code .api} file or a tree of them: what a tool prints to compare a
 * tree with a running VPP or with another version.
 */
public final class ApiCrcs {

    private ApiCrcs() {
    }

    /**
     * Lists the messages of one file or of every {@code .api} file under a directory, sorted by
     * file then message. Imports resolve against the directory (for a single file: against each
     * of its parent directories, nearest first).
     *
     * @throws ApiCompileException if any file has errors; all files are checked first
     */
    public static List<MessageCrc> list(Path fileOrDirectory) throws ApiCompileException {
        Path start = fileOrDirectory.toAbsolutePath().normalize();
        if (Files.isDirectory(start)) {
            return list(start, List.of(start));
        }
        List<Path> parents = new ArrayList<>();
        for (Path parent = start.getParent(); parent != null; parent = parent.getParent()) {
            parents.add(parent);
        }
        return list(start, parents);
    }

    /** As {@link #list(Path)}, with imports resolved against {@code includeDirectories} in order. */
    public static List<MessageCrc> list(Path fileOrDirectory, List<Path> includeDirectories)
            throws ApiCompileException {
        Path start = fileOrDirectory.toAbsolutePath().normalize();
        Path base = Files.isDirectory(start) ? start : start.getParent();
        ApiLoader loader = new ApiLoader(includeDirectories.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        List<MessageCrc> rows = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Path file : apiFiles(start)) {
            try {
                ApiFile loaded = loader.load(file);
                String name = base.relativize(file).toString().replace('\\', '/');
                for (Message message : loaded.messages()) {
                    rows.add(new MessageCrc(name, message.name(), ApiCrc.message(message)));
                }
            } catch (ApiCompileException e) {
                errors.addAll(e.diagnostics());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiCompileException(errors);
        }
        rows.sort(null);
        return rows;
    }

    static List<Path> apiFiles(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".api"))
                    .filter(Files::isRegularFile)
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrDirectory, e);
        }
    }
}
