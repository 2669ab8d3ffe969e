package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigException;
import io.vecta.sdk.config.ConfigPosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Reads startup.conf text into a {@link StartupConfig}: the grammar {@code StartupConf.g4}
 * finds sections, words and braces, then each section the runtime implements is read with its
 * keys. The first mistake stops it with a {@link ConfigException} naming file, line and column.
 *
 * <pre>{@code
 * StartupConfigParser parser = new StartupConfigParser(RuntimeDirectory.fromEnvironment());
 * StartupConfig config = file == null ? parser.parseDefault() : parser.parse(file);
 * List<ConfigWarning> warnings = config.configurePlugins(loadedRegistrations);
 * }</pre>
 */
public final class StartupConfigParser {

    /** The embedded default configuration, a resource next to this class. */
    public static final String DEFAULT_RESOURCE = "default-startup.conf";

    /** What the default configuration's {@code ${runtime-dir}} stands for. */
    public static final String RUNTIME_DIR_PLACEHOLDER = "${runtime-dir}";

    private final RuntimeDirectory runtimeDirectory;

    /**
     * A parser whose configurations put their sockets under {@code runtimeDirectory} unless
     * {@code unix { runtime-dir DIR }} says otherwise.
     */
    public StartupConfigParser(RuntimeDirectory runtimeDirectory) {
        this.runtimeDirectory = Objects.requireNonNull(runtimeDirectory, "runtimeDirectory");
    }

    /**
     * Reads a file; messages name it as {@code file} is written.
     *
     * @throws ConfigException if the file cannot be read or is not a valid configuration
     */
    public StartupConfig parse(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(ConfigPosition.wholeFile(source), "no such file");
        } catch (MalformedInputException e) {
            throw new ConfigException(ConfigPosition.wholeFile(source), "is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(ConfigPosition.wholeFile(source), "cannot be read: " + e);
        }
        return parse(source, text);
    }

    /**
     * Reads configuration text.
     *
     * @param source the name messages give the text, e.g. {@code startup.conf} or {@code command line}
     * @throws ConfigException if the text is not a valid configuration
     */
    public StartupConfig parse(String source, String text) {
        StartupConfLexer lexer = new StartupConfLexer(CharStreams.fromString(text, source));
        StartupConfParser parser = new StartupConfParser(new CommonTokenStream(lexer));
        SyntaxErrorListener errors = new SyntaxErrorListener(source);
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        List<ConfigSection> sections = new ConfigTreeBuilder(source).sections(parser.config());
        return new StartupConfig(source, sections, runtimeDirectory);
    }

    /** The embedded default configuration: no root, no hugepages, sockets in the runtime directory. */
    public StartupConfig parseDefault() {
        return parse(DEFAULT_RESOURCE, defaultText());
    }

    /**
     * The embedded default configuration's text, with {@code ${runtime-dir}} replaced by this
     * parser's runtime directory, escaped for the quoted strings it stands in.
     */
    public String defaultText() {
        String template;
        try (InputStream in = StartupConfigParser.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the runtime jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + DEFAULT_RESOURCE, e);
        }
        String directory = runtimeDirectory.path().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return template.replace(RUNTIME_DIR_PLACEHOLDER, directory);
    }
}
