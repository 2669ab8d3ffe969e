package io.vecta.sdk.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.vecta.sdk.processor.api.ApiHandlerProcessor;
import io.vecta.sdk.processor.api.ApiModuleProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * An {@code .api} file with one request of every service shape, and handler classes compiled
 * against the records {@code @ApiModule} generates from it in the same compilation.
 */
final class ApiHandlerSources {

    /** X/X_reply, two X_dump/X_details, an X_get with a cursor, and a request that gets no answer. */
    static final String ACME_API = """
            option version = "1.0.0";

            define acme_show {
              u32 client_index;
              u32 context;
              string name[];
            };
            define acme_show_reply {
              u32 context;
              i32 retval;
              string label[];
            };
            define acme_flow_dump {
              u32 client_index;
              u32 context;
              u32 limit;
            };
            define acme_flow_details {
              u32 context;
              u32 id;
            };
            define acme_port_dump {
              u32 client_index;
              u32 context;
            };
            define acme_port_details {
              u32 context;
              u16 port;
            };
            define acme_table_get {
              u32 client_index;
              u32 context;
              u32 cursor;
            };
            define acme_table_get_reply {
              u32 context;
              i32 retval;
              u32 cursor;
            };
            define acme_table_details {
              u32 context;
              u32 id;
            };
            define acme_poke {
              u32 client_index;
              u32 context;
            };

            service {
              rpc acme_table_get returns acme_table_get_reply stream acme_table_details;
              rpc acme_poke returns null;
            };
            """;

    static final String IMPORTS = """
            import com.acme.api.acme.*;
            import io.vecta.sdk.annotation.ApiHandler;
            import io.vecta.sdk.api.ApiReplies;
            import java.util.List;
            import java.util.stream.LongStream;
            import java.util.stream.Stream;
            """;

    private ApiHandlerSources() {
    }

    /** A source file {@code com.acme.<simpleName>} with the imports above in front of {@code body}. */
    static JavaFileObject handlers(String simpleName, String body) {
        return JavaFileObjects.forSourceString("com.acme." + simpleName, "package com.acme;\n\n" + IMPORTS + "\n"
                + body);
    }

    /** Compiles {@code sources} with {@code acme.api} written to {@code apiDir} and generated beside them. */
    static Compilation compile(Path apiDir, JavaFileObject... sources) {
        try {
            Files.writeString(apiDir.resolve("acme.api"), ACME_API);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.add(JavaFileObjects.forSourceString("com.acme.api.package-info",
                "@io.vecta.sdk.annotation.ApiModule(\"acme.api\")\npackage com.acme.api;\n"));
        return javac().withProcessors(new ApiModuleProcessor(), new ApiHandlerProcessor())
                .withOptions("-Avecta.api.dir=" + apiDir, "-Xlint:all", "-Xlint:-processing")
                .compile(all);
    }

    /** Every shape, in the order of the .api file. */
    static JavaFileObject acmeApi() {
        return handlers("AcmeApi", """
                public final class AcmeApi {
                    public int pokes;
                    public int flowStreamsClosed;

                    @ApiHandler
                    AcmeShowReply acmeShow(AcmeShow request) {
                        return new AcmeShowReply(0, 0, "acme " + request.name());
                    }

                    @ApiHandler(mpSafe = true)
                    Stream<AcmeFlowDetails> acmeFlowDump(AcmeFlowDump request) {
                        return LongStream.range(0, request.limit()).mapToObj(id -> new AcmeFlowDetails(0, id))
                                .onClose(() -> flowStreamsClosed++);
                    }

                    @ApiHandler
                    public List<AcmePortDetails> acmePortDump(AcmePortDump request) {
                        return List.of(new AcmePortDetails(0, 80), new AcmePortDetails(0, 443));
                    }

                    @ApiHandler
                    void acmeTableGet(AcmeTableGet request, ApiReplies replies) {
                        for (long id = request.cursor(); id < request.cursor() + 2; id++) {
                            replies.details(new AcmeTableDetails(0, id));
                        }
                        replies.reply(new AcmeTableGetReply(0, 0, request.cursor() + 2));
                    }

                    @ApiHandler
                    protected void acmePoke(AcmePoke request) {
                        pokes++;
                    }
                }
                """);
    }
}
