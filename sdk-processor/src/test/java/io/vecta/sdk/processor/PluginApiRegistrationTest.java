package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.vecta.sdk.api.ApiContext;
import io.vecta.sdk.api.ApiHandlerBinding;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.ApiModuleDescriptor;
import io.vecta.sdk.api.ApiReplies;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.cli.CommandDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.processor.api.ApiHandlerProcessor;
import io.vecta.sdk.processor.api.ApiModuleProcessor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's binary API in its registration: the {@code @ApiModule} files and {@code @ApiHandler}
 * classes of the plugin's package tree become {@code apiModules()}, with one object per class
 * shared with the class's CLI commands; the registration's source is pinned by a golden file
 * ({@link Golden}).
 */
class PluginApiRegistrationTest {

    private static final CliContext CONTEXT = new CliContext() {
        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public boolean interactive() {
            return false;
        }
    };

    @TempDir
    Path apiDir;

    /** Handlers and a command in one class, so that both must reach the same object. */
    private static JavaFileObject acmeService() {
        return ApiHandlerSources.handlers("AcmeService", """
                import io.vecta.sdk.annotation.CliCommand;
                import io.vecta.sdk.api.ApiContext;
                import io.vecta.sdk.cli.CliInput;
                import io.vecta.sdk.cli.CliOutput;

                public final class AcmeService {
                    private int pokes;

                    @ApiHandler
                    AcmeShowReply acmeShow(ApiContext ctx, AcmeShow request) {
                        String site = ctx.service(String.class).orElse("nowhere");
                        return new AcmeShowReply(0, 0, "acme " + request.name() + " at " + site + " after " + pokes
                                + " pokes");
                    }

                    @ApiHandler
                    void acmePoke(AcmePoke request) {
                        pokes++;
                    }

                    @CliCommand(path = "show acme pokes", shortHelp = "show acme pokes")
                    public void showPokes(CliInput in, CliOutput out) {
                        out.println(pokes + " pokes");
                    }
                }
                """);
    }

    /** A second handler class, in a subpackage of the plugin. */
    private static JavaFileObject acmePorts() {
        return JavaFileObjects.forSourceString("com.acme.ports.AcmePorts", """
                package com.acme.ports;

                import com.acme.api.acme.*;
                import io.vecta.sdk.annotation.ApiHandler;
                import java.util.List;

                public final class AcmePorts {
                    @ApiHandler
                    List<AcmePortDetails> acmePortDump(AcmePortDump request) {
                        return List.of(new AcmePortDetails(0, 80));
                    }
                }
                """);
    }

    private Compilation compile(JavaFileObject... sources) throws IOException {
        Files.writeString(apiDir.resolve("acme.api"), ApiHandlerSources.ACME_API);
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.add(JavaFileObjects.forSourceString("com.acme.api.package-info",
                "@io.vecta.sdk.annotation.ApiModule(\"acme.api\")\npackage com.acme.api;\n"));
        return javac().withProcessors(new NodeProcessor(), new ApiModuleProcessor(), new ApiHandlerProcessor())
                .withOptions("-Avecta.api.dir=" + apiDir, "-Xlint:all", "-Xlint:-processing")
                .compile(all);
    }

    private static PluginRegistration registration(Compilation compilation) throws Exception {
        return (PluginRegistration) new CompiledClasses(compilation).loadClass("com.acme.Plugin_Registration")
                .getConstructor().newInstance();
    }

    @Test
    void shouldGenerateTheApiModulesOfTheGoldenFile() throws IOException {
        Compilation compilation = compile(Sources.plugin(), acmeService(), acmePorts());

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("com.acme.Plugin_Registration").orElseThrow()
                .getCharContent(false).toString();
        Golden.assertMatches("Plugin_ApiRegistration.java", generated);
        assertThat(generated.split("new AcmeService\\(\\)", -1)).as("one AcmeService for commands and handlers")
                .hasSize(2);
    }

    @Test
    void shouldGiveTheModuleEveryHandlerOnTheObjectTheCommandsUse() throws Exception {
        Compilation compilation = compile(Sources.plugin(), acmeService(), acmePorts());
        assertThat(compilation).succeededWithoutWarnings();
        PluginRegistration registration = registration(compilation);

        List<ApiModuleDescriptor> modules = registration.apiModules();

        assertThat(modules).hasSize(1);
        ApiModuleDescriptor acme = modules.get(0);
        assertThat(acme.name()).isEqualTo("acme");
        assertThat(acme.rangeName()).matches("acme_[0-9a-f]{8}");
        assertThat(acme.messages()).extracting(codec -> codec.name()).startsWith("acme_show", "acme_show_reply");
        assertThat(acme.handlers()).extracting(binding -> binding.request().name())
                .containsExactlyInAnyOrder("acme_show", "acme_poke", "acme_port_dump");
        assertThat(registration.apiModules()).as("the same list on every call").isSameAs(modules);

        handle(acme, "acme_poke", ByteBuffer.allocate(10));
        handle(acme, "acme_poke", ByteBuffer.allocate(10));
        CommandDescriptor showPokes = registration.commands().get(0);
        CliOutput out = new CliOutput();
        showPokes.handler().run(CONTEXT, CliInput.of(""), out);
        assertThat(out.text()).as("the command reads what the handlers changed").isEqualTo("2 pokes\n");
        ByteBuffer show = ByteBuffer.allocate(15).putShort((short) 7).putInt(1).putInt(2).putInt(1)
                .put((byte) 'x').flip();
        assertThat(handle(acme, "acme_show", show)).as("the handler reaches the server's services").singleElement()
                .hasToString("AcmeShowReply[context=0, retval=0, label=acme x at site-7 after 2 pokes]");
    }

    @Test
    void shouldLeaveOutModulesAndHandlersOutsideThePluginsPackageTree() throws Exception {
        JavaFileObject pluginBelow = JavaFileObjects.forSourceString("com.acme.plugin.package-info", """
                @io.vecta.sdk.annotation.Plugin(name = "acme", version = "1.0.0")
                package com.acme.plugin;
                """);

        Compilation compilation = compile(pluginBelow, acmePorts());

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("com.acme.plugin.Plugin_Registration").orElseThrow()
                .getCharContent(false).toString();
        assertThat(generated).doesNotContain("apiModules").doesNotContain("AcmePorts");
    }

    @Test
    void shouldRefuseAHandlerClassTheRegistrationCannotCreate() throws IOException {
        JavaFileObject needsTable = ApiHandlerSources.handlers("AcmeNeedsTable", """
                public final class AcmeNeedsTable {
                    public AcmeNeedsTable(String table) {
                    }

                    @ApiHandler
                    void acmePoke(AcmePoke request) {
                    }
                }
                """);

        Compilation compilation = compile(Sources.plugin(), needsTable);

        assertThat(compilation).hadErrorContaining("[VectaApiHandlerConstructor] class com.acme.AcmeNeedsTable has"
                + " @ApiHandler methods in plugin 'acme', but the plugin's registration cannot create it");
        assertThat(compilation).hadErrorContaining("help: add public AcmeNeedsTable() that throws nothing");
    }

    private static List<ApiMessage> handle(ApiModuleDescriptor module, String request, ByteBuffer payload) {
        ApiHandlerBinding binding = module.handlers().stream().filter(b -> b.request().name().equals(request))
                .findFirst().orElseThrow();
        List<ApiMessage> answers = new ArrayList<>();
        binding.handler().handle(payload, new ApiReplies() {
            @Override
            public void reply(ApiMessage reply) {
                answers.add(reply);
            }

            @Override
            public void details(ApiMessage details) {
                answers.add(details);
            }

            @Override
            public ApiContext apiContext() {
                return new ApiContext() {
                    @Override
                    public <T> Optional<T> service(Class<T> type) {
                        return type == String.class ? Optional.of(type.cast("site-7")) : Optional.empty();
                    }
                };
            }
        });
        return answers;
    }

}
