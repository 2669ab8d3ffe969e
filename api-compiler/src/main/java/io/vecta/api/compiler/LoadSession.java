package io.vecta.api.compiler;

import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.SourcePosition;
import io.vecta.api.compiler.model.UserType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.stream.Collectors;

/** One {@link ApiLoader#load}: its type namespace, the files loaded so far, and the errors found. */
final class LoadSession {

    private final ApiLoader loader;
    private final Map<String, UserType> types = new HashMap<>();
    private final Map<Path, ApiFile> loaded = new HashMap<>();
    private final SequencedSet<Path> loading = new LinkedHashSet<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    LoadSession(ApiLoader loader) {
        this.loader = loader;
    }

    ApiFile loadTopLevel(Path file) throws ApiCompileException {
        ApiFile result = load(file);
        if (!diagnostics.isEmpty()) {
            throw new ApiCompileException(diagnostics);
        }
        return result;
    }

    /** The file an import names, loaded into this namespace; empty (and an error recorded) if it cannot be. */
    Optional<ApiFile> importFile(String importPath, SourcePosition at) {
        Optional<Path> found = loader.resolveImport(importPath);
        if (found.isEmpty()) {
            error(at, "cannot find imported file '" + importPath + "' in "
                    + loader.includeDirectories().stream().map(Path::toString).collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        Path file = found.get();
        if (loading.contains(file)) {
            List<Path> chain = new ArrayList<>(loading);
            chain = chain.subList(chain.indexOf(file), chain.size());
            error(at, "import cycle: " + chain.stream().map(Path::toString).collect(Collectors.joining(" -> "))
                    + " -> " + file);
            return Optional.empty();
        }
        ApiFile known = loaded.get(file);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            return Optional.of(load(file));
        } catch (ApiCompileException syntax) {
            diagnostics.addAll(syntax.diagnostics());
            return Optional.empty();
        }
    }

    private ApiFile load(Path file) throws ApiCompileException {
        ParsedFile parsed = loader.parse(file);
        loading.add(file);
        try {
            ApiFile result = new FileBuilder(this, parsed).build();
            loaded.put(file, result);
            return result;
        } finally {
            loading.remove(file);
        }
    }

    /** Adds a type to the namespace, or records a redefinition. */
    void define(UserType type) {
        UserType earlier = types.putIfAbsent(type.typeName(), type);
        if (earlier != null) {
            error(type.position(), "type '" + type.name() + "' is already defined at " + earlier.position());
        }
    }

    Optional<UserType> type(String typeName) {
        return Optional.ofNullable(types.get(typeName));
    }

    void error(SourcePosition at, String message) {
        diagnostics.add(new Diagnostic(at, message));
    }
}
