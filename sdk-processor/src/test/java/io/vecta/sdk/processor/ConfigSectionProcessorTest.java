package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.vecta.sdk.processor.Sources.compile;
import static io.vecta.sdk.processor.Sources.plugin;
import static io.vecta.sdk.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigSectionDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @ConfigSection}: a good handler is listed in the registration with its keys and a
 * new instance; each mistake is one error with its tag, on the class, with a {@code help:} line.
 */
class ConfigSectionProcessorTest {

    private static final String GOOD = """
            @ConfigSection(name = "acme", help = "flow table of the acme plugin")
            public final class AcmeConfig implements ConfigSectionHandler {
                public static final ConfigKeys KEYS = ConfigKeys.builder().value("flows", "N").build();
                public static int flows;

                public void configure(ConfigBlock acme) {
                    flows = acme.intValue("flows", 1, 1 << 24).orElse(1024);
                }
            }
            """;

    private static void assertSingleError(String body, String tag, String message) {
        JavaFileObject file = source("AcmeConfig", body);
        Compilation compilation = compile(plugin(), file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[" + tag + "] " + message).inFile(file)
                .onLineContaining("class AcmeConfig");
        assertThat(compilation).hadErrorContaining("help: ");
    }

    @Test
    void shouldListTheSectionWithItsKeysAndAHandlerThatReceivesIt() throws Exception {
        Compilation compilation = compile(plugin(), source("AcmeConfig", GOOD));
        assertThat(compilation).succeededWithoutWarnings();
        CompiledClasses classes = new CompiledClasses(compilation);
        PluginRegistration registration = (PluginRegistration) classes.loadClass("com.acme.Plugin_Registration")
                .getConstructor().newInstance();

        List<ConfigSectionDescriptor> sections = registration.configSections();

        assertThat(sections).extracting(ConfigSectionDescriptor::section).containsExactly("acme");
        ConfigSectionDescriptor acme = sections.get(0);
        assertThat(acme.help()).isEqualTo("flow table of the acme plugin");
        assertThat(acme.keys()).isSameAs(classes.loadClass("com.acme.AcmeConfig").getField("KEYS").get(null));
        acme.handler().configure(ConfigBlock.absent("acme", "startup.conf", acme.keys()));
        assertThat(classes.loadClass("com.acme.AcmeConfig").getField("flows").getInt(null)).isEqualTo(1024);
    }

    @Test
    void shouldRejectASectionNameOfTwoWords() {
        assertSingleError(GOOD.replace("name = \"acme\"", "name = \"acme flows\""), "VectaConfigSectionName",
                "@ConfigSection on AcmeConfig has name 'acme flows', which is not one word");
    }

    @Test
    void shouldRejectASectionWithoutHelp() {
        assertSingleError(GOOD.replace("flow table of the acme plugin", ""), "VectaConfigSectionHelp",
                "@ConfigSection 'acme' has no help");
    }

    @Test
    void shouldRejectAClassThatIsNotAHandler() {
        assertSingleError(GOOD.replace(" implements ConfigSectionHandler", ""), "VectaConfigSectionHandler",
                "@ConfigSection class AcmeConfig does not implement ConfigSectionHandler");
    }

    @Test
    void shouldRejectAClassWithoutAPublicNoArgumentConstructor() {
        assertSingleError(GOOD.replace("public static int flows;", "public static int flows;\n    AcmeConfig(int x) { }"),
                "VectaConfigSectionConstructor", "@ConfigSection class AcmeConfig has no public no-argument constructor");
    }

    @Test
    void shouldRejectAClassWithoutKeys() {
        assertSingleError(GOOD.replace("public static final ConfigKeys KEYS", "static final ConfigKeys KEYS"),
                "VectaConfigSectionKeys", "@ConfigSection class AcmeConfig declares no public static final ConfigKeys KEYS");
    }

    @Test
    void shouldRejectAClassThatIsNotPublic() {
        assertSingleError(GOOD.replace("public final class AcmeConfig", "final class AcmeConfig"),
                "VectaConfigSectionClass", "@ConfigSection class AcmeConfig is not a public concrete top-level or static class");
    }

    @Test
    void shouldRejectTwoHandlersOfOneSection() {
        JavaFileObject second = source("OtherConfig", GOOD.replace("AcmeConfig", "OtherConfig"));
        Compilation compilation = compile(plugin(), source("AcmeConfig", GOOD), second);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[VectaConfigSectionDuplicate] config section 'acme' is declared by"
                + " both com.acme.AcmeConfig and com.acme.OtherConfig").inFile(second).onLineContaining("class OtherConfig");
    }
}
