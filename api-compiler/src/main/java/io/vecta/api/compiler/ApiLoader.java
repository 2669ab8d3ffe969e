package io.vecta.api.compiler;

import io.vecta.api.compiler.model.ApiFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads {@code .api} files into the {@link io.vecta.api.compiler.model model}, resolving
 * {@code import "a/b.api";} against the include directories in order.
 *
 * <p>Each {@link #load} starts a fresh type namespace, as VPP's generator does for each file it
 * is run on: the namespace holds the file's own types and those of every file it imports,
 * directly or not, in parse order. A type must be defined before it is used; a file reached twice
 * through imports is loaded once per load. Parse trees are kept between loads, so loading a whole
 * tree parses each file only once.
 *
 * <p>Not thread-safe: use one loader per thread.
 */
public final class ApiLoader {

    private final List<Path> includeDirectories;
    private final Map<Path, ParsedFile> parsed = new HashMap<>();

    /** @param includeDirectories where imports are looked up, first match wins */
    public ApiLoader(List<Path> includeDirectories) {
        this.includeDirectories = List.copyOf(includeDirectories);
    }

    public ApiLoader(Path includeDirectory) {
        this(List.of(includeDirectory));
    }

    public List<Path> includeDirectories() {
        return includeDirectories;
    }

    /**
     * Loads a file and everything it imports, and checks them.
     *
     * @throws ApiCompileException naming file, line and column of every error found
     * @throws UncheckedIOException if the file itself cannot be read
     */
    public ApiFile load(Path file) throws ApiCompileException {
        return new LoadSession(this).loadTopLevel(file.normalize());
    }

    /**
     * Loads {@code text} as if it were the content of {@code file}, which this loader then keeps
     * using for that path (also when another file imports it); imports are read as usual.
     */
    public ApiFile load(Path file, String text) throws ApiCompileException {
        parsed.put(file.normalize(), ApiSyntax.parse(file.normalize(), text));
        return load(file);
    }

    ParsedFile parse(Path file) throws ApiCompileException {
        ParsedFile known = parsed.get(file);
        if (known != null) {
            return known;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        ParsedFile result = ApiSyntax.parse(file, text);
        parsed.put(file, result);
        return result;
    }

    /** The file an {@code import} names, from the first include directory that has it. */
    Optional<Path> resolveImport(String importPath) {
        for (Path directory : includeDirectories) {
            Path candidate = directory.resolve(importPath).normalize();
            if (parsed.containsKey(candidate) || Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
