package io.vecta.sdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiMessage;
import io.vecta.sdk.api.MessageCodec;
import io.vecta.sdk.processor.api.ApiModuleProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @ApiModule} on a package, compiled with the processor against small {@code .api} files. */
class ApiModuleProcessorTest {

    private static final String TYPES = """
            typedef u8 acme_mac[6];
            enum acme_color : u8 {
              ACME_RED = 1,
              ACME_BLUE,
            };
            """;

    private static final String ACME = """
            option version = "1.0.0";
            import "acme_types.api";

            enumflag acme_flags : u8 {
              ACME_UP = 1,
              ACME_FAST = 2,
            };
            typedef acme_point {
              u16 x;
              i16 y;
            };
            union acme_any {
              u32 number;
              vl_api_acme_point_t point;
            };
            /** \\brief Sets the acme state.
                @param points - where it is
            */
            autoreply define acme_set {
              u32 client_index;
              u32 context;
              vl_api_acme_color_t color;
              vl_api_acme_flags_t flags;
              vl_api_acme_mac_t mac;
              f64 weight;
              u8 n_points;
              vl_api_acme_point_t points[n_points];
            };
            define acme_show {
              u32 client_index;
              u32 context;
              string name[];
            };
            define acme_show_reply {
              u32 context;
              i32 retval;
              string label[8];
              vl_api_acme_any_t any;
            };
            """;

    @TempDir
    Path apiDir;

    @Test
    void shouldGenerateRecordsAndCodecsFromTheApiDirectoryOption() throws Exception {
        write("acme_types.api", TYPES);
        write("acme.api", ACME);
        Compilation compilation = compile(List.of("-Avecta.api.dir=" + apiDir), "acme.api");
        assertThat(compilation).succeededWithoutWarnings();
        for (String name : List.of("acme.AcmeSet", "acme.AcmeSetReply", "acme.AcmeShow", "acme.AcmeShowReply",
                "acme.AcmeModule", "acme.AcmePoint", "acme.AcmeAny", "acme.AcmeFlags", "acme_types.AcmeMac",
                "acme_types.AcmeColor")) {
            assertThat(compilation).generatedSourceFile("com.acme.api." + name);
        }
        String source = compilation.generatedSourceFile("com.acme.api.acme.AcmeSet").orElseThrow()
                .getCharContent(true).toString();
        assertThat(source).contains("@Generated(").contains("registered as {@code acme_set_")
                .contains("record AcmeSet(long clientIndex, long context, AcmeColor color, AcmeFlags flags,")
                .contains("\\brief Sets the acme state.");
    }

    @Test
    void shouldEncodeAMessageByteForByteAsVppLaysItOut() throws Exception {
        write("acme_types.api", TYPES);
        write("acme.api", ACME);
        Compilation compilation = compile(List.of("-Avecta.api.dir=" + apiDir), "acme.api");
        assertThat(compilation).succeeded();
        CompiledClasses classes = new CompiledClasses(compilation);
        Class<?> color = classes.loadClass("com.acme.api.acme_types.AcmeColor");
        Object blue = color.getEnumConstants()[1];
        Object flags = construct(classes, "com.acme.api.acme.AcmeFlags", 3L);
        Object mac = construct(classes, "com.acme.api.acme_types.AcmeMac", ApiBytes.of(new byte[] {1, 2, 3, 4, 5, 6}));
        Object point = construct(classes, "com.acme.api.acme.AcmePoint", 1, (short) -2);
        ApiMessage set = (ApiMessage) construct(classes, "com.acme.api.acme.AcmeSet", 0x8000_0001L, 5L, blue, flags,
                mac, 1.5, List.of(point));

        @SuppressWarnings("unchecked")
        MessageCodec<ApiMessage> codec = (MessageCodec<ApiMessage>) set.codec();
        byte[] payload = codec.encode(set, 0x0123);

        assertThat(HexFormat.of().formatHex(payload)).isEqualTo(
                "0123" + "80000001" + "00000005" + "02" + "03" + "010203040506" + "000000000000f83f" + "01" + "0001fffe");
        assertThat(codec.key()).matches("acme_set_[0-9a-f]{8}");
        assertThat((Object) codec.decode(payload)).isEqualTo(set);
        assertThat(codec.toJson(set)).isEqualTo("{\"client_index\":2147483649,\"context\":5,\"color\":2,\"flags\":3,"
                + "\"mac\":\"0x010203040506\",\"weight\":1.5,\"n_points\":1,\"points\":[{\"x\":1,\"y\":-2}]}");
    }

    @Test
    void shouldCarryAnyCombinationOfAPlainEnumNamedAsFlags() throws Exception {
        write("link.api", """
                enum link_state_flags {
                  LINK_ADMIN_UP = 1,
                  LINK_UP = 2,
                };
                service {
                  rpc want_link_events returns want_link_events_reply events link_event;
                };
                autoreply define want_link_events {
                  u32 client_index;
                  u32 context;
                };
                define link_event {
                  u32 client_index;
                  vl_api_link_state_flags_t flags;
                };
                """);
        Compilation compilation = compile(List.of("-Avecta.api.dir=" + apiDir), "link.api");
        assertThat(compilation).succeeded();
        CompiledClasses classes = new CompiledClasses(compilation);
        Class<?> flags = classes.loadClass("com.acme.api.link.LinkStateFlags");
        ApiMessage both = (ApiMessage) construct(classes, "com.acme.api.link.LinkEvent", 1L,
                construct(classes, "com.acme.api.link.LinkStateFlags", 3L));
        ApiMessage none = (ApiMessage) construct(classes, "com.acme.api.link.LinkEvent", 1L,
                construct(classes, "com.acme.api.link.LinkStateFlags", 0L));
        @SuppressWarnings("unchecked")
        MessageCodec<ApiMessage> codec = (MessageCodec<ApiMessage>) both.codec();

        assertThat(flags.isRecord()).as("a flag set, not a Java enum").isTrue();
        assertThat(HexFormat.of().formatHex(codec.encode(both, 7))).isEqualTo("0007" + "00000001" + "00000003");
        assertThat((Object) codec.decode(codec.encode(none, 7))).isEqualTo(none);
    }

    @Test
    void shouldReportApiErrorsWithFileLineAndColumn() throws Exception {
        write("broken.api", """
                define broken {
                  u32 context;
                  vl_api_nowhere_t where;
                };
                """);
        Compilation compilation = compile(List.of("-Avecta.api.dir=" + apiDir), "broken.api");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[VectaApi] ");
        assertThat(compilation).hadErrorContaining("broken.api:3:");
    }

    @Test
    void shouldSayWhereToPutAFileItCannotFind() {
        Compilation compilation = compile(List.of("-Avecta.api.dir=" + apiDir), "missing.api");
        assertThat(compilation).hadErrorContaining("the .api file 'missing.api' was not found");
        assertThat(compilation).hadErrorContaining("help: set -Avecta.api.dir=<directory>");
    }

    @Test
    void shouldFindTheFileOnTheSourcePathWithoutTheOption() throws Exception {
        write("acme_types.api", TYPES);
        write("acme.api", ACME);
        Compilation compilation = compile(List.of("-sourcepath", apiDir.toString()), "acme.api");
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("com.acme.api.acme.AcmeModule");
    }

    @Test
    void shouldRejectATypeAndAMessageThatBecomeTheSameClass() throws Exception {
        write("clash.api", """
                typedef acme_show {
                  u8 a;
                };
                define acme_show {
                  u32 client_index;
                  u32 context;
                };
                define acme_show_reply {
                  u32 context;
                  i32 retval;
                };
                """);
        Compilation compilation = compile(List.of("-Avecta.api.dir=" + apiDir), "clash.api");
        assertThat(compilation).hadErrorContaining("would both become the Java class AcmeShow");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(apiDir.resolve(name), text);
    }

    private static Compilation compile(List<String> options, String apiFile) {
        JavaFileObject packageInfo = JavaFileObjects.forSourceString("com.acme.api.package-info",
                "@io.vecta.sdk.annotation.ApiModule(\"" + apiFile + "\")\npackage com.acme.api;\n");
        List<String> all = new java.util.ArrayList<>(options);
        all.add("-Xlint:all");
        all.add("-Xlint:-processing");
        return javac().withProcessors(new ApiModuleProcessor()).withOptions(all).compile(packageInfo);
    }

    private static Object construct(CompiledClasses classes, String name, Object... arguments) throws Exception {
        return classes.loadClass(name).getDeclaredConstructors()[0].newInstance(arguments);
    }
}
