package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.vecta.sdk.api.ApiCaller;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.MessageCodec;
import io.vecta.sdk.processor.api.ApiModuleProcessor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code <Module>ServiceClient} written beside each module: its source is pinned by a golden file
 * ({@link Golden}), and each method is run against a recording {@link ApiCaller}.
 */
class ApiClientGenerationTest {

    @TempDir
    static Path apiDir;

    private static Compilation acme;
    private static CompiledClasses classes;

    @BeforeAll
    static void compileAcme() {
        acme = ApiHandlerSources.compile(apiDir);
        assertThat(acme).succeededWithoutWarnings();
        classes = new CompiledClasses(acme);
    }

    @Test
    void shouldGenerateTheClientOfTheGoldenFile() throws IOException {
        String generated = acme.generatedSourceFile("com.acme.api.acme.AcmeServiceClient").orElseThrow()
                .getCharContent(false).toString();
        Golden.assertMatches("AcmeServiceClient.java", generated);
    }

    @Test
    void shouldHaveOneMethodPerRpcAndTwoPerDump() throws Exception {
        List<String> methods = Arrays.stream(client().getClass().getDeclaredMethods()).map(Method::getName).sorted()
                .toList();

        assertThat(methods).containsExactly("acmeFlowDump", "acmeFlowDumpStream", "acmePoke", "acmePortDump",
                "acmePortDumpStream", "acmeShow", "acmeTableGetAll");
    }

    @Test
    void shouldCallForTheReplyOfAPlainRequest() throws Exception {
        Recorder caller = new Recorder();
        ApiMessage request = message("AcmeShow", 0L, 0L, "eth0");

        Object reply = invoke(caller, "acmeShow", request);

        assertThat(caller.calls).containsExactly("call " + request + " -> acme_show_reply");
        assertThat(reply).isSameAs(caller.answer);
    }

    @Test
    void shouldDumpAsAListAndAsAStream() throws Exception {
        Recorder caller = new Recorder();
        ApiMessage request = message("AcmeFlowDump", 0L, 0L, 7L);

        Object list = invoke(caller, "acmeFlowDump", request);
        Object stream = invoke(caller, "acmeFlowDumpStream", request);

        assertThat(caller.calls).containsExactly("dump " + request + " -> acme_flow_details",
                "dumpStream " + request + " -> acme_flow_details");
        assertThat(list).isEqualTo(List.of(caller.answer));
        assertThat(((Stream<?>) stream).map(Object.class::cast).toList()).containsExactly(caller.answer);
    }

    @Test
    void shouldGetEveryPageOfACursorGetWithTheRequestsOfTheGivenFunction() throws Exception {
        Recorder caller = new Recorder();
        Class<?> get = classes.loadClass("com.acme.api.acme.AcmeTableGet");
        LongFunction<ApiMessage> requestAt = cursor -> {
            try {
                return (ApiMessage) get.getDeclaredConstructors()[0].newInstance(0L, 0L, cursor);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };

        Object details = invoke(caller, "acmeTableGetAll", requestAt);

        assertThat(caller.calls).containsExactly("getAll acme_table_get_reply, acme_table_details");
        assertThat(caller.requestAt).isSameAs(requestAt);
        assertThat(((Stream<?>) details).map(Object.class::cast).toList()).containsExactly(caller.answer);
    }

    @Test
    void shouldSendARequestThatIsAnsweredWithNothing() throws Exception {
        Recorder caller = new Recorder();
        ApiMessage request = message("AcmePoke", 0L, 0L);

        Object result = invoke(caller, "acmePoke", request);

        assertThat(result).isNull();
        assertThat(caller.calls).containsExactly("send " + request);
    }

    @Test
    void shouldNameTheEventsOfASubscriptionInItsJavadoc(@TempDir Path dir) throws Exception {
        Compilation compilation = compileOne(dir, "link.api", """
                service {
                  rpc want_link_events returns want_link_events_reply events link_event;
                };
                autoreply define want_link_events {
                  u32 client_index;
                  u32 context;
                  bool enable;
                };
                define link_event {
                  u32 client_index;
                  u32 pid;
                };
                """);
        assertThat(compilation).succeededWithoutWarnings();
        String source = compilation.generatedSourceFile("com.acme.api.link.LinkServiceClient").orElseThrow()
                .getCharContent(false).toString();

        assertThat(source).contains("public WantLinkEventsReply wantLinkEvents(WantLinkEvents request)")
                .contains("{@code rpc want_link_events returns want_link_events_reply events link_event}")
                .contains("The events it subscribes to, {@link LinkEvent}, come later");
    }

    @Test
    void shouldLeaveOutAStreamWithAReplyThatCarriesNoCursor(@TempDir Path dir) throws Exception {
        Compilation compilation = compileOne(dir, "odd.api", """
                service {
                  rpc odd_get returns odd_get_reply stream odd_details;
                };
                define odd_get { u32 client_index; u32 context; };
                define odd_get_reply { u32 context; i32 retval; };
                define odd_details { u32 context; u32 id; };
                define odd_ping { u32 client_index; u32 context; };
                define odd_ping_reply { u32 context; i32 retval; };
                """);
        assertThat(compilation).succeeded();
        String source = compilation.generatedSourceFile("com.acme.api.odd.OddServiceClient").orElseThrow()
                .getCharContent(false).toString();

        assertThat(source).contains("public OddPingReply oddPing(OddPing request)").doesNotContain("oddGet");
    }

    @Test
    void shouldWriteNoClientForAFileOfTypesOnly(@TempDir Path dir) throws Exception {
        Compilation compilation = compileOne(dir, "quiet.api", """
                typedef quiet_point { u16 x; u16 y; };
                enum quiet_color : u8 { QUIET_RED = 1, };
                """);

        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("com.acme.api.quiet.QuietModule");
        assertThat(compilation.generatedSourceFile("com.acme.api.quiet.QuietServiceClient")).isEmpty();
    }

    @Test
    void shouldRefuseADefinitionNamedAsTheClient(@TempDir Path dir) throws Exception {
        Compilation compilation = compileOne(dir, "acme.api", """
                define acme_service_client { u32 client_index; u32 context; };
                define acme_service_client_reply { u32 context; i32 retval; };
                """);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(
                "define acme_service_client and the client class would both become the Java class AcmeServiceClient");
    }

    private static Object client(ApiCaller caller) throws Exception {
        return classes.loadClass("com.acme.api.acme.AcmeServiceClient").getConstructor(ApiCaller.class).newInstance(caller);
    }

    private static Object client() throws Exception {
        return client(new Recorder());
    }

    private static Object invoke(Recorder caller, String method, Object argument) throws Exception {
        Object client = client(caller);
        for (Method candidate : client.getClass().getMethods()) {
            if (candidate.getName().equals(method)) {
                return candidate.invoke(client, argument);
            }
        }
        throw new AssertionError("AcmeServiceClient has no method " + method);
    }

    private static ApiMessage message(String simpleName, Object... components) throws Exception {
        return (ApiMessage) classes.loadClass("com.acme.api.acme." + simpleName).getDeclaredConstructors()[0]
                .newInstance(components);
    }

    private static Compilation compileOne(Path dir, String fileName, String text) throws IOException {
        Files.writeString(dir.resolve(fileName), text);
        return javac().withProcessors(new ApiModuleProcessor())
                .withOptions("-Avecta.api.dir=" + dir, "-Xlint:all", "-Xlint:-processing")
                .compile(JavaFileObjects.forSourceString("com.acme.api.package-info",
                        "@io.vecta.sdk.annotation.ApiModule(\"" + fileName + "\")\npackage com.acme.api;\n"));
    }

    /** Records each exchange and answers with one message decoded from the codec it was asked for. */
    private static final class Recorder implements ApiCaller {
        final List<String> calls = new ArrayList<>();
        Object answer;
        LongFunction<? extends ApiMessage> requestAt;

        private <T extends ApiMessage> T answer(MessageCodec<T> codec) {
            T message = codec.decode(new byte[codec.minimumPayloadSize()]);
            answer = message;
            return message;
        }

        @Override
        public <R extends ApiMessage> R call(ApiMessage request, MessageCodec<R> replyCodec) {
            calls.add("call " + request + " -> " + replyCodec.name());
            return answer(replyCodec);
        }

        @Override
        public <D extends ApiMessage> List<D> dump(ApiMessage request, MessageCodec<D> detailsCodec) {
            calls.add("dump " + request + " -> " + detailsCodec.name());
            return List.of(answer(detailsCodec));
        }

        @Override
        public <D extends ApiMessage> Stream<D> dumpStream(ApiMessage request, MessageCodec<D> detailsCodec) {
            calls.add("dumpStream " + request + " -> " + detailsCodec.name());
            return Stream.of(answer(detailsCodec));
        }

        @Override
        public <D extends ApiMessage, R extends ApiMessage> Stream<D> getAll(
                LongFunction<? extends ApiMessage> requestAt, MessageCodec<R> replyCodec, MessageCodec<D> detailsCodec) {
            calls.add("getAll " + replyCodec.name() + ", " + detailsCodec.name());
            this.requestAt = requestAt;
            return Stream.of(answer(detailsCodec));
        }

        @Override
        public int send(ApiMessage message) {
            calls.add("send " + message);
            return 1;
        }
    }
}
