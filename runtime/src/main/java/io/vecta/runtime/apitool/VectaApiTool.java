package io.vecta.runtime.apitool;

import io.vecta.api.compiler.ApiCompileException;
import io.vecta.api.compiler.ApiCrcs;
import io.vecta.api.compiler.ApiDiff;
import io.vecta.api.compiler.Diagnostic;
import io.vecta.api.compiler.MessageCrc;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vecta-api crc FILE.api|DIR [-I DIR]...} prints one line per message, tab-separated:
 * file, message, CRC. {@code vecta-api diff OLD_DIR NEW_DIR} prints the messages added,
 * removed and changed (with both CRCs) between two trees of {@code .api} files.
 *
 * <p>Exit codes, as diff(1) has them: 0 done (for {@code diff}: no difference), 1 {@code diff}
 * found differences, 2 bad command line, 3 an {@code .api} file has errors (each printed as
 * {@code file:line:column: message}).
 */
public final class VectaApiTool {

    static final int OK = 0;
    static final int DIFFERENT = 1;
    static final int USAGE = 2;
    static final int BAD_API = 3;

    private static final String USAGE_TEXT = """
            usage: vecta-api crc FILE.api|DIR [-I INCLUDE_DIR]...
                   vecta-api diff OLD_DIR NEW_DIR
            """;

    private VectaApiTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; what it prints goes to {@code out}, errors to {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            return switch (args[0]) {
                case "crc" -> crc(args, out, err);
                case "diff" -> diff(args, out, err);
                default -> usage(err, "unknown command '" + args[0] + "'");
            };
        } catch (ApiCompileException e) {
            for (Diagnostic d : e.diagnostics()) {
                err.println(d);
            }
            return BAD_API;
        }
    }

    private static int crc(String[] args, PrintStream out, PrintStream err) throws ApiCompileException {
        Path source = null;
        List<Path> includes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("-I")) {
                if (++i == args.length) {
                    return usage(err, "-I needs a directory");
                }
                Path include = path(args[i]);
                if (include == null || !Files.isDirectory(include)) {
                    return usage(err, "-I " + args[i] + ": not a directory");
                }
                includes.add(include);
            } else if (source == null) {
                source = path(args[i]);
                if (source == null || !Files.exists(source)) {
                    return usage(err, "crc: " + args[i] + ": no such file or directory");
                }
            } else {
                return usage(err, "crc: one file or directory, got also '" + args[i] + "'");
            }
        }
        if (source == null) {
            return usage(err, "crc: name a .api file or a directory of them");
        }
        List<MessageCrc> rows = includes.isEmpty() ? ApiCrcs.list(source) : ApiCrcs.list(source, withBase(source,
                includes));
        for (MessageCrc row : rows) {
            out.println(row);
        }
        return OK;
    }

    private static List<Path> withBase(Path source, List<Path> includes) {
        List<Path> all = new ArrayList<>();
        all.add(Files.isDirectory(source) ? source : source.toAbsolutePath().getParent());
        all.addAll(includes);
        return all;
    }

    private static int diff(String[] args, PrintStream out, PrintStream err) throws ApiCompileException {
        if (args.length != 3) {
            return usage(err, "diff: give two directories, the old one first");
        }
        Path before = path(args[1]);
        Path after = path(args[2]);
        for (int i = 1; i <= 2; i++) {
            Path p = i == 1 ? before : after;
            if (p == null || !Files.isDirectory(p)) {
                return usage(err, "diff: " + args[i] + ": not a directory");
            }
        }
        ApiDiff diff = ApiDiff.compare(before, after);
        for (MessageCrc added : diff.added()) {
            out.println("added\t" + added);
        }
        for (MessageCrc removed : diff.removed()) {
            out.println("removed\t" + removed);
        }
        for (ApiDiff.Change changed : diff.changed()) {
            out.println("changed\t" + changed);
        }
        return diff.isEmpty() ? OK : DIFFERENT;
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("vecta-api: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }
}
