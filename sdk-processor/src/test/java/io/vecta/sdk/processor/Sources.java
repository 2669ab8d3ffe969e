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
            """;

    private Sources() {
    }

    /** A source file {@code com.acme.<simpleName>} with the usual imports in front of {@code body}. */
    static JavaFileObject source(String simpleName, String body) {
        return JavaFileObjects.forSourceString("com.acme." + simpleName, "package com.acme;\n" + IMPORTS + body);
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
