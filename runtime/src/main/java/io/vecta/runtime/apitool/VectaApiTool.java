package io.vecta.runtime.apitool;

import io.vecta.api.compiler.ApiCompileException;
import io.vecta.api.compiler.ApiCrcs;
import io.vecta.api.compiler.ApiDiff;
import io.vecta.api.compiler.Diagnostic;
import io.vecta.api.compiler.MessageCrc;
import io.vecta.runtime.api.client.ApiClientException;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.client.ApiMismatchException;
import io.vecta.runtime.api.core.memclnt.MemclntModule;
import io.vecta.runtime.api.core.interface_.InterfaceModule;
import io.vecta.runtime.api.core.ip.IpModule;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighborModule;
import io.vecta.runtime.api.core.l2.L2Module;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.SocksvrConfig;
import io.vecta.sdk.api.ApiCodecException;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.JsonIn;
import io.vecta.sdk.api.MessageCodec;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
    static final int NO_RUNTIME = 4;
    static final int NOT_ON_SERVER = 5;

    /** The messages {@code call} knows. */
    private static final ApiCodecs CORE = ApiCodecs.of(MemclntModule.MESSAGES, VlibModule.MESSAGES,
            VpeModule.MESSAGES, InterfaceModule.MESSAGES, IpModule.MESSAGES, IpNeighborModule.MESSAGES,
            L2Module.MESSAGES);
    private static final String DUMP_SUFFIX = "_dump";

    private static final String USAGE_TEXT = """
            usage: vecta-api crc FILE.api|DIR [-I INCLUDE_DIR]...
                   vecta-api diff OLD_DIR NEW_DIR
                   vecta-api [-s SOCKET] call MESSAGE [JSON]
                   vecta-api [-s SOCKET] table
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
        Path socket = null;
        if (args[0].equals("-s")) {
            if (args.length < 3) {
                return usage(err, "-s needs a socket path and a command");
            }
            socket = path(args[1]);
            if (socket == null) {
                return usage(err, "-s " + args[1] + ": not a path");
            }
            args = Arrays.copyOfRange(args, 2, args.length);
        }
        if (socket != null && !args[0].equals("call") && !args[0].equals("table")) {
            return usage(err, "-s is for call and table, not " + args[0]);
        }
        Path apiSocket = socket != null ? socket
                : RuntimeDirectory.fromEnvironment().resolve(SocksvrConfig.DEFAULT_SOCKET_NAME);
        try {
            return switch (args[0]) {
                case "crc" -> crc(args, out, err);
                case "diff" -> diff(args, out, err);
                case "call" -> call(apiSocket, args, out, err);
                case "table" -> table(apiSocket, args, out, err);
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

    private static int table(Path socket, String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            return usage(err, "table takes no arguments");
        }
        try (ApiConnection api = ApiConnection.connect(socket, "vecta-api", ApiCodecs.of())) {
            for (Map.Entry<Integer, String> entry : api.table().byId().entrySet()) {
                out.println(entry.getKey() + "\t" + entry.getValue());
            }
            return OK;
        } catch (ApiClientException e) {
            err.println("vecta-api: table: " + e.getMessage());
            return NO_RUNTIME;
        }
    }

    private static int call(Path socket, String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            return usage(err, "call: give a message name and, if it has fields, a JSON object");
        }
        Optional<MessageCodec<?>> found = CORE.forName(args[1]).or(() -> CORE.forKey(args[1]));
        if (found.isEmpty()) {
            return usage(err, "call: unknown message '" + args[1]
                    + "' (known: the messages of memclnt, vlib, vpe, interface)");
        }
        MessageCodec<?> codec = found.get();
        boolean dump = codec.name().endsWith(DUMP_SUFFIX);
        String answerName = dump ? codec.name().substring(0, codec.name().length() - DUMP_SUFFIX.length())
                + "_details" : codec.name() + "_reply";
        Optional<MessageCodec<?>> answer = CORE.forName(answerName);
        if (answer.isEmpty()) {
            return usage(err, "call: " + codec.name() + " has no " + answerName + " to wait for");
        }
        ApiMessage request;
        try {
            request = codec.fromJson(withConnectionFields(codec, args.length == 3 ? args[2] : "{}"));
        } catch (ApiCodecException e) {
            return usage(err, "call " + codec.name() + ": bad JSON: " + e.getMessage());
        }
        try (ApiConnection api = ApiConnection.connect(socket, "vecta-api", CORE)) {
            if (dump) {
                // each record is printed as it arrives, not after the whole dump
                try (Stream<? extends ApiMessage> details = api.dumpStream(request, answer.get())) {
                    details.forEach(record -> out.println(json(record)));
                }
            } else {
                out.println(json(api.call(request, answer.get())));
            }
            return OK;
        } catch (ApiMismatchException e) {
            err.println("vecta-api: call " + codec.name() + ": " + e.getMessage());
            return NOT_ON_SERVER;
        } catch (ApiClientException e) {
            err.println("vecta-api: call " + codec.name() + ": " + e.getMessage());
            return NO_RUNTIME;
        }
    }

    /** {@code json} with {@code client_index} and {@code context} at 0 where the message has them and it does not. */
    static String withConnectionFields(MessageCodec<?> codec, String json) {
        JsonIn document = JsonIn.parse(json, codec.name());
        StringBuilder added = new StringBuilder();
        RecordComponent[] components = codec.type().getRecordComponents();
        for (int i = 0; i < Math.min(2, components.length); i++) {
            String field = switch (components[i].getName()) {
                case "clientIndex" -> "client_index";
                case "context" -> "context";
                default -> null;
            };
            if (field != null && !document.has(field)) {
                added.append('"').append(field).append("\":0,");
            }
        }
        if (added.isEmpty()) {
            return json;
        }
        String body = json.strip();
        if (!body.startsWith("{")) {
            return json; // not an object: fromJson says so
        }
        String rest = body.substring(1).strip();
        if (rest.startsWith("}")) {
            added.setLength(added.length() - 1);
        }
        return "{" + added + rest;
    }

    @SuppressWarnings("unchecked")
    private static String json(ApiMessage message) {
        return ((MessageCodec<ApiMessage>) message.codec()).toJson(message);
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
