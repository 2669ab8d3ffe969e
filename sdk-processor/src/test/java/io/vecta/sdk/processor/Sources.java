package io.vecta.sdk.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import javax.tools.JavaFileObject;

/** Small sources for compile tests, and the compiler with the processor. */
final class Sources {

    static final String IMPORTS = """
            import io.vecta.sdk.annotation.*;
            import io.vecta.sdk.node.*;
            import io.vecta.sdk.buffer.*;
            import io.vecta.sdk.cli.*;
            import io.vecta.sdk.config.*;
            """;

    private Sources() {
    }

    /** A source file {@code com.acme.<simpleName>} with the usual imports in front of {@code body}. */
    static JavaFileObject source(String simpleName, String body) {
        return JavaFileObjects.forSourceString("com.acme." + simpleName, "package com.acme;\n" + IMPORTS + body);
    }

    /** {@code @Plugin(name = "acme")} on package com.acme, for compilations with commands. */
    static JavaFileObject plugin() {
        return JavaFileObjects.forSourceString("com.acme.package-info", """
                @io.vecta.sdk.annotation.Plugin(name = "acme", version = "1.0.0")
                package com.acme;
                """);
    }

    /** The commands of the registration golden test: static and instance, with and without context. */
    static JavaFileObject acmeCommands() {
        return JavaFileObjects.forSourceString("com.acme.cli.AcmeCommands", """
                package com.acme.cli;

                import io.vecta.sdk.annotation.CliCommand;
                import io.vecta.sdk.cli.*;

                public final class AcmeCommands {
                    private int shown;

                    @CliCommand(path = "show acme", shortHelp = "show acme [verbose]",
                            longHelp = "Shows the acme table; verbose adds every entry.")
                    public void show(CliContext ctx, CliInput in, CliOutput out) {
                        boolean verbose = in.keyword("verbose");
                        in.expectEnd();
                        shown++;
                        out.println("acme shown " + shown + " times" + (verbose ? ", verbose" : "")
                                + (ctx.interactive() ? ", interactive" : ""));
                    }

                    @CliCommand(path = "clear acme", shortHelp = "clear acme")
                    public void clear(CliInput in, CliOutput out) {
                        in.expectEnd();
                        out.println("cleared after " + shown);
                        shown = 0;
                    }

                    @CliCommand(path = "acme fail", shortHelp = "acme fail")
                    public static void fail(CliInput in, CliOutput out) {
                        throw new IllegalStateException("acme broke");
                    }

                    public static final class Limits {
                        @CliCommand(path = "set acme limit", shortHelp = "set acme limit <n>")
                        public void set(CliContext ctx, CliInput in, CliOutput out) {
                            out.println("limit " + in.number("limit", 1, 100));
                        }
                    }
                }
                """);
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new NodeProcessor()).withOptions("-Xlint:all", "-Xlint:-processing")
                .compile(Arrays.asList(sources));
    }

    /** The TTL check node of the golden test: nexts, errors and a trace. */
    static JavaFileObject ttlCheck() {
        return source("TtlCheck", """
                @GraphNode(name = "ttl-check", errors = TtlCheck.Error.class)
                public final class TtlCheck {
                    @Next("ip4-lookup") static final int NEXT_LOOKUP = 0;
                    @Next("error-drop") static final int NEXT_DROP = 1;

                    enum Error {
                        @ErrorCounter(description = "ttl expired") TTL_EXPIRED,
                        @ErrorCounter(description = "options present", severity = Severity.INFO) OPTIONS
                    }

                    record TtlTrace(int bi, int next) {
                    }

                    @PerPacket
                    int process(NodeContext ctx, int bi) {
                        int ttl = ctx.buffers().flowId(bi);
                        if (ttl == 99) {
                            return Outcome.withError(NEXT_LOOKUP, Error.OPTIONS);
                        }
                        return ttl > 1 ? NEXT_LOOKUP : Outcome.withError(NEXT_DROP, Error.TTL_EXPIRED);
                    }

                    @Trace
                    TtlTrace trace(NodeContext ctx, int bi, int next) {
                        return new TtlTrace(bi, next);
                    }
                }
                """);
    }
}
