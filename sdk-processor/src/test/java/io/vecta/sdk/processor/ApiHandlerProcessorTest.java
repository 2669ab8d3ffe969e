package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.vecta.sdk.api.ApiHandlerBinding;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.ApiReplies;
import io.vecta.sdk.api.MessageCodec;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @ApiHandler} methods of every shape compiled with the records of their {@code .api}
 * file: the generated {@code AcmeApi_ApiHandlers} is pinned against a checked-in source
 * ({@link Golden}), and its bindings are run on encoded requests.
 */
class ApiHandlerProcessorTest {

    @TempDir
    static Path apiDir;

    /** The compilation of {@link ApiHandlerSources#acmeApi()}, shared: compiling is the slow part. */
    private static Compilation acme;
    private static CompiledClasses classes;

    @BeforeAll
    static void compileAcmeApi() {
        acme = ApiHandlerSources.compile(apiDir, ApiHandlerSources.acmeApi());
        assertThat(acme).succeededWithoutWarnings();
        classes = new CompiledClasses(acme);
    }

    @Test
    void shouldGenerateTheBindingsOfTheGoldenFile() throws IOException {
        String generated = acme.generatedSourceFile("com.acme.AcmeApi_ApiHandlers").orElseThrow()
                .getCharContent(false).toString();
        String golden = Golden.assertMatches("AcmeApi_ApiHandlers.java", generated);
        assertThat(acme).generatedSourceFile("com.acme.AcmeApi_ApiHandlers")
                .hasSourceEquivalentTo(JavaFileObjects.forSourceString("com.acme.AcmeApi_ApiHandlers", golden));
    }

    @Test
    void shouldStateEachRequestsServiceOnItsRecord() throws Exception {

        assertThat(constants(classes, "AcmeShow")).containsExactly("acme_show", "acme_show_reply", "");
        assertThat(constants(classes, "AcmeFlowDump")).containsExactly("acme_flow_dump", "", "acme_flow_details");
        assertThat(constants(classes, "AcmeTableGet"))
                .containsExactly("acme_table_get", "acme_table_get_reply", "acme_table_details");
        assertThat(constants(classes, "AcmePoke")).containsExactly("acme_poke", "", "");
        assertThat(classes.loadClass("com.acme.api.acme.AcmeShowReply").getField("NAME").get(null))
                .isEqualTo("acme_show_reply");
        assertThatThrownBy(() -> classes.loadClass("com.acme.api.acme.AcmeShowReply").getField("REPLY"))
                .isInstanceOf(NoSuchFieldException.class);
    }

    @Test
    void shouldBindOneHandlerPerMethodInDeclarationOrder() throws Exception {
        List<ApiHandlerBinding> bindings = bind(classes, newAcmeApi(classes));

        assertThat(bindings).extracting(b -> b.request().name())
                .containsExactly("acme_show", "acme_flow_dump", "acme_port_dump", "acme_table_get", "acme_poke");
        assertThat(bindings).extracting(ApiHandlerBinding::mpSafe).containsExactly(false, true, false, false, false);
    }

    @Test
    void shouldAnswerARequestWithTheReplyItsMethodReturns() throws Exception {
        Recorder replies = handle(classes, newAcmeApi(classes), "AcmeShow", 0x8000_0001L, 7L, "widgets");

        assertThat(replies.sent).containsExactly("reply {\"context\":0,\"retval\":0,\"label\":\"acme widgets\"}");
    }

    @Test
    void shouldSendEveryElementOfAReturnedStreamAsDetailsAndCloseIt() throws Exception {
        Object api = newAcmeApi(classes);
        Recorder replies = handle(classes, api, "AcmeFlowDump", 1L, 7L, 3L);

        assertThat(replies.sent).containsExactly(
                "details {\"context\":0,\"id\":0}", "details {\"context\":0,\"id\":1}",
                "details {\"context\":0,\"id\":2}");
        assertThat(api.getClass().getField("flowStreamsClosed").get(api)).isEqualTo(1);
    }

    @Test
    void shouldSendEveryElementOfAReturnedListAsDetails() throws Exception {
        Recorder replies = handle(classes, newAcmeApi(classes), "AcmePortDump", 1L, 7L);

        assertThat(replies.sent).containsExactly("details {\"context\":0,\"port\":80}",
                "details {\"context\":0,\"port\":443}");
    }

    @Test
    void shouldLetAHandlerWithApiRepliesSendDetailsThenTheReply() throws Exception {
        Recorder replies = handle(classes, newAcmeApi(classes), "AcmeTableGet", 1L, 7L, 40L);

        assertThat(replies.sent).containsExactly("details {\"context\":0,\"id\":40}",
                "details {\"context\":0,\"id\":41}", "reply {\"context\":0,\"retval\":0,\"cursor\":42}");
    }

    @Test
    void shouldCallAHandlerWithoutAnswerAndSendNothing() throws Exception {
        Object api = newAcmeApi(classes);
        Recorder replies = handle(classes, api, "AcmePoke", 1L, 7L);

        assertThat(replies.sent).isEmpty();
        assertThat(api.getClass().getField("pokes").get(api)).isEqualTo(1);
    }

    @Test
    void shouldDecodeARequestLongerThanItsMessageAsTheServerDoes() throws Exception {
        Object api = newAcmeApi(classes);
        ApiMessage request = message(classes, "AcmeShow", 1L, 7L, "x");
        byte[] exact = encode(request);
        ByteBuffer longer = ByteBuffer.allocate(exact.length + 4).put(exact).put(new byte[] {9, 9, 9, 9}).flip();
        Recorder replies = new Recorder();

        binding(classes, api, "acme_show").handler().handle(longer, replies);

        assertThat(replies.sent).containsExactly("reply {\"context\":0,\"retval\":0,\"label\":\"acme x\"}");
    }

    @Test
    void shouldNameTheMethodWhenItReturnsNoReply(@TempDir Path nullApiDir) throws Exception {
        Compilation compilation = ApiHandlerSources.compile(nullApiDir, ApiHandlerSources.handlers("NullApi", """
                public final class NullApi {
                    @ApiHandler
                    AcmeShowReply acmeShow(AcmeShow request) {
                        return null;
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        CompiledClasses nullClasses = new CompiledClasses(compilation);
        Object api = nullClasses.loadClass("com.acme.NullApi").getDeclaredConstructor().newInstance();
        ByteBuffer request = ByteBuffer.wrap(encode(message(nullClasses, "AcmeShow", 1L, 7L, "x")));

        assertThatThrownBy(() -> binding(nullClasses, api, "acme_show").handler().handle(request, new Recorder()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("NullApi.acmeShow returned null for acme_show");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Records what a handler sends, each as {@code reply|details <json>}. */
    private static final class Recorder implements ApiReplies {
        final List<String> sent = new ArrayList<>();

        @Override
        public void reply(ApiMessage reply) {
            sent.add("reply " + toJson(reply));
        }

        @Override
        public void details(ApiMessage details) {
            sent.add("details " + toJson(details));
        }
    }

    private static Object newAcmeApi(CompiledClasses classes) throws Exception {
        return classes.loadClass("com.acme.AcmeApi").getDeclaredConstructor().newInstance();
    }

    @SuppressWarnings("unchecked")
    private static List<ApiHandlerBinding> bind(CompiledClasses classes, Object api) throws Exception {
        return (List<ApiHandlerBinding>) classes.loadClass(api.getClass().getName() + "_ApiHandlers")
                .getMethod("bind", api.getClass()).invoke(null, api);
    }

    private static ApiHandlerBinding binding(CompiledClasses classes, Object api, String message) throws Exception {
        return bind(classes, api).stream().filter(b -> b.request().name().equals(message)).findFirst().orElseThrow();
    }

    /** Encodes a {@code record} request from its components and runs its binding on it. */
    private static Recorder handle(CompiledClasses classes, Object api, String record, Object... components)
            throws Exception {
        ApiMessage request = message(classes, record, components);
        Recorder replies = new Recorder();
        binding(classes, api, request.messageName()).handler().handle(ByteBuffer.wrap(encode(request)), replies);
        return replies;
    }

    private static ApiMessage message(CompiledClasses classes, String record, Object... components) throws Exception {
        Constructor<?> constructor = classes.loadClass("com.acme.api.acme." + record).getDeclaredConstructors()[0];
        return (ApiMessage) constructor.newInstance(components);
    }

    @SuppressWarnings("unchecked")
    private static byte[] encode(ApiMessage message) {
        return ((MessageCodec<ApiMessage>) message.codec()).encode(message, 0x0123);
    }

    @SuppressWarnings("unchecked")
    private static String toJson(ApiMessage message) {
        return ((MessageCodec<ApiMessage>) message.codec()).toJson(message);
    }

    private static List<Object> constants(CompiledClasses classes, String record) throws Exception {
        Class<?> type = classes.loadClass("com.acme.api.acme." + record);
        return List.of(type.getField("NAME").get(null), type.getField("REPLY").get(null),
                type.getField("DETAILS").get(null));
    }

}
