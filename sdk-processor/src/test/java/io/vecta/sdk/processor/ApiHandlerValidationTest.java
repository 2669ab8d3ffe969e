package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.processor.api.ApiHandlerProcessor;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small class per problem of an {@code @ApiHandler} method, compiled with the records of
 * {@link ApiHandlerSources#ACME_API}: each message carries its tag, names the method, sits on the
 * offending line, and comes with a {@code help:} line.
 */
class ApiHandlerValidationTest {

    @TempDir
    Path apiDir;

    /** Compiles {@code body} as com.acme.Handlers and checks one error with its tag on the line. */
    private void assertSingleError(String body, String tag, String message, String line) {
        JavaFileObject file = ApiHandlerSources.handlers("Handlers", body);
        Compilation compilation = ApiHandlerSources.compile(apiDir, file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[" + tag + "] " + message).inFile(file).onLineContaining(line);
        assertThat(compilation).hadErrorContaining("help: ");
    }

    @Test
    void shouldRejectAStaticHandler() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    static AcmeShowReply show(AcmeShow request) { return null; }
                }
                """, "VectaApiHandlerMethod", "@ApiHandler method Handlers.show is static; a handler is an instance"
                + " method, called on the object given to Handlers_ApiHandlers.bind", "static AcmeShowReply show");
    }

    @Test
    void shouldRejectAPrivateHandler() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    private AcmeShowReply show(AcmeShow request) { return null; }
                }
                """, "VectaApiHandlerMethod", "@ApiHandler method Handlers.show is private; the generated"
                + " Handlers_ApiHandlers calls it", "private AcmeShowReply show");
    }

    @Test
    void shouldRejectAGenericHandler() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    <T> AcmeShowReply show(AcmeShow request) { return null; }
                }
                """, "VectaApiHandlerMethod", "@ApiHandler method Handlers.show has type parameters",
                "<T> AcmeShowReply show");
    }

    @Test
    void shouldRejectAHandlerThatDeclaresACheckedException() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeShowReply show(AcmeShow request) throws java.io.IOException { return null; }
                }
                """, "VectaApiHandlerMethod", "@ApiHandler method Handlers.show declares checked IOException;",
                "throws java.io.IOException");
    }

    @Test
    void shouldRejectHandlersInAPrivateClass() {
        assertSingleError("""
                public final class Handlers {
                    private static final class Inner {
                        @ApiHandler
                        AcmeShowReply show(AcmeShow request) { return null; }
                    }
                }
                """, "VectaApiHandlerClass", "class Inner of the @ApiHandler methods is private; the generated"
                + " Handlers_Inner_ApiHandlers beside it cannot name it", "AcmeShowReply show");
    }

    @Test
    void shouldRejectHandlersInAGenericClass() {
        assertSingleError("""
                public final class Handlers<T> {
                    @ApiHandler
                    AcmeShowReply show(AcmeShow request) { return null; }
                }
                """, "VectaApiHandlerClass", "class Handlers of the @ApiHandler methods is generic",
                "AcmeShowReply show");
    }

    @Test
    void shouldRejectAHandlerWithoutParameters() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeShowReply show() { return null; }
                }
                """, "VectaApiHandlerParameters", "@ApiHandler method Handlers.show takes 0 parameters; a handler"
                + " takes the request's generated record, and may take ApiContext before it and ApiReplies after it",
                "AcmeShowReply show");
    }

    @Test
    void shouldRejectAHandlerWithThreeParameters() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    void show(AcmeShow request, ApiReplies replies, int more) { }
                }
                """, "VectaApiHandlerParameters", "@ApiHandler method Handlers.show takes 3 parameters",
                "void show(");
    }

    @Test
    void shouldRejectASecondParameterOtherThanApiReplies() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    void show(AcmeShow request, List<AcmeShowReply> out) { }
                }
                """, "VectaApiHandlerParameters", "@ApiHandler method Handlers.show takes List<AcmeShowReply> second;"
                + " the only second parameter is ApiReplies", "void show(");
    }

    @Test
    void shouldRejectAGetThatReturnsItsAnswer() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeTableGetReply get(AcmeTableGet request) { return null; }
                }
                """, "VectaApiHandlerParameters", "@ApiHandler method Handlers.get answers acme_table_get with what it"
                + " returns, but its service streams acme_table_details before the reply acme_table_get_reply",
                "AcmeTableGetReply get");
    }

    @Test
    void shouldRejectAParameterThatIsNoMessage() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeShowReply show(String request) { return null; }
                }
                """, "VectaApiHandlerRequest", "@ApiHandler method Handlers.show takes String, which is not a message",
                "AcmeShowReply show");
    }

    @Test
    void shouldRejectAReplyTakenAsTheRequest() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeShowReply show(AcmeShowReply request) { return null; }
                }
                """, "VectaApiHandlerRequest", "@ApiHandler method Handlers.show takes AcmeShowReply, the message"
                + " acme_show_reply, which is no request: no service of its .api file is called with it",
                "AcmeShowReply show");
    }

    @Test
    void shouldRejectAHandWrittenMessageClass() {
        assertSingleError("""
                public final class Handlers {
                    record Mine() implements io.vecta.sdk.api.ApiMessage {
                        public io.vecta.sdk.api.MessageCodec<Mine> codec() { return null; }
                    }

                    @ApiHandler
                    void mine(Mine request) { }
                }
                """, "VectaApiHandlerRequest", "@ApiHandler method Handlers.mine takes Mine, which is no record"
                + " @ApiModule generated (it has no NAME)", "void mine(");
    }

    @Test
    void shouldRejectAReplyOfAnotherRequest() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeTableGetReply show(AcmeShow request) { return null; }
                }
                """, "VectaApiHandlerReturn", "@ApiHandler method Handlers.show returns AcmeTableGetReply, but"
                + " acme_show is answered by acme_show_reply", "AcmeTableGetReply show");
    }

    @Test
    void shouldRejectADumpThatReturnsOneDetails() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeFlowDetails flows(AcmeFlowDump request) { return null; }
                }
                """, "VectaApiHandlerReturn", "@ApiHandler method Handlers.flows returns AcmeFlowDetails, but"
                + " acme_flow_dump is answered by a stream of acme_flow_details", "AcmeFlowDetails flows");
    }

    @Test
    void shouldRejectADumpThatReturnsOtherDetails() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    Stream<AcmePortDetails> flows(AcmeFlowDump request) { return null; }
                }
                """, "VectaApiHandlerReturn", "@ApiHandler method Handlers.flows returns Stream<AcmePortDetails>, but"
                + " acme_flow_dump is answered by a stream of acme_flow_details", "Stream<AcmePortDetails> flows");
    }

    @Test
    void shouldRejectADumpThatReturnsARawList() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    @SuppressWarnings("rawtypes")
                    List flows(AcmeFlowDump request) { return null; }
                }
                """, "VectaApiHandlerReturn", "@ApiHandler method Handlers.flows returns List, but acme_flow_dump is"
                + " answered by a stream of acme_flow_details", "List flows");
    }

    @Test
    void shouldRejectAValueReturnedBesideApiReplies() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeShowReply show(AcmeShow request, ApiReplies replies) { return null; }
                }
                """, "VectaApiHandlerReturn", "@ApiHandler method Handlers.show takes ApiReplies and returns"
                + " AcmeShowReply; with ApiReplies a handler sends its answers itself", "AcmeShowReply show");
    }

    @Test
    void shouldRejectAnAnswerToARequestThatGetsNone() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeShowReply poke(AcmePoke request) { return null; }
                }
                """, "VectaApiHandlerReturn", "@ApiHandler method Handlers.poke returns AcmeShowReply, but the service"
                + " of acme_poke returns null: the request gets no answer", "AcmeShowReply poke");
    }

    @Test
    void shouldRejectTwoHandlersOfOneRequestInAClass() {
        assertSingleError("""
                public final class Handlers {
                    @ApiHandler
                    AcmeShowReply show(AcmeShow request) { return null; }

                    @ApiHandler
                    void showAgain(AcmeShow request, ApiReplies replies) { }
                }
                """, "VectaApiHandlerDuplicate", "request acme_show has two @ApiHandler methods: Handlers.show and"
                + " Handlers.showAgain", "void showAgain");
    }

    @Test
    void shouldLetTwoClassesEachAnswerARequest() {
        JavaFileObject first = ApiHandlerSources.handlers("First", """
                public final class First {
                    @ApiHandler
                    AcmeShowReply show(AcmeShow request) { return null; }
                }
                """);
        JavaFileObject second = ApiHandlerSources.handlers("Second", """
                public final class Second {
                    @ApiHandler
                    AcmeShowReply show(AcmeShow request) { return null; }
                }
                """);
        Compilation compilation = ApiHandlerSources.compile(apiDir, first, second);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.First_ApiHandlers");
        assertThat(compilation).generatedSourceFile("com.acme.Second_ApiHandlers");
    }

    @Test
    void shouldNameTheClassWhoseRequestTypeNeverCame() {
        JavaFileObject file = ApiHandlerSources.handlers("Handlers", """
                public final class Handlers {
                    @ApiHandler
                    AcmeNoSuchReply show(AcmeShow request) { return null; }
                }
                """);
        Compilation compilation = ApiHandlerSources.compile(apiDir, file);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[VectaApiHandlerUnresolvedType] class com.acme.Handlers refers to"
                + " types that no source or annotation processor produced, so its @ApiHandler methods were not bound")
                .inFile(file).onLineContaining("AcmeNoSuchReply show");
    }

    @Test
    void shouldAskForSdkApiWhenItIsNotOnTheClassPath() throws URISyntaxException {
        File annotations = new File(ApiHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaFileObject file = JavaFileObjects.forSourceString("com.acme.Handlers", """
                package com.acme;

                public final class Handlers {
                    @io.vecta.sdk.annotation.ApiHandler
                    void show(String request) { }
                }
                """);
        Compilation compilation = javac().withProcessors(new ApiHandlerProcessor()).withClasspath(List.of(annotations))
                .compile(file);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[VectaApiHandlerSdk] @ApiHandler methods of Handlers need"
                + " io.vecta.sdk.api on the class path").inFile(file).onLineContaining("void show");
    }
}
