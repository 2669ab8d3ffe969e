package io.vecta.api.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.BaseType;
import io.vecta.api.compiler.model.CounterSet;
import io.vecta.api.compiler.model.DefinitionFlag;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.EnumEntry;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.OptionValue;
import io.vecta.api.compiler.model.PathSet;
import io.vecta.api.compiler.model.Service;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader builds from each construct of the language. */
class ApiModelTest {

    @TempDir
    Path includeDir;

    @Test
    void shouldPlaceEachAutoreplyRightAfterItsRequestWithTheRequestsOptions() throws ApiCompileException {
        ApiFile file = load("""
                autoreply autoendian define first { u32 client_index; u32 context; option deprecated; };
                define second { u32 client_index; u32 context; };
                define second_reply { u32 context; i32 retval; };
                """);
        assertThat(file.messages()).extracting(Message::name)
                .containsExactly("first", "first_reply", "second", "second_reply");
        Message first = file.messages().get(0);
        Message reply = file.messages().get(1);
        assertThat(first.flags()).containsExactly(DefinitionFlag.AUTOREPLY, DefinitionFlag.AUTOENDIAN);
        assertThat(reply.flags()).isEmpty();
        assertThat(reply.autoreplyOf()).contains("first");
        assertThat(reply.options()).containsOnlyKeys("deprecated");
        assertThat(reply.fields()).extracting(Field::name).containsExactly("context", "retval");
        assertThat(file.definitions()).doesNotContain(reply);
    }

    @Test
    void shouldDeriveServicesFromMessageNamesAndKeepWrittenOnes() throws ApiCompileException {
        ApiFile file = load("""
                autoreply define set { u32 client_index; u32 context; };
                define thing_dump { u32 client_index; u32 context; };
                define thing_details { u32 context; u32 id; };
                autoreply define want_events { u32 client_index; u32 context; };
                define event { u32 client_index; u32 pid; };
                define thing_get { u32 client_index; u32 context; u32 cursor; };
                define thing_get_reply { u32 context; i32 retval; u32 cursor; };
                define ping { u32 client_index; u32 context; };
                service {
                  rpc want_events returns want_events_reply events event;
                  rpc thing_get returns thing_get_reply stream thing_details;
                  rpc ping returns null;
                };
                """);
        assertThat(file.services()).filteredOn(Service::implicit).extracting(Service::caller, Service::reply,
                Service::stream).containsExactly(
                org.assertj.core.groups.Tuple.tuple("set", Optional.of("set_reply"), false),
                org.assertj.core.groups.Tuple.tuple("thing_dump", Optional.of("thing_details"), true));
        assertThat(file.services()).filteredOn(service -> !service.implicit()).extracting(Service::caller,
                Service::reply, Service::streamMessage, Service::events).containsExactly(
                org.assertj.core.groups.Tuple.tuple("want_events", Optional.of("want_events_reply"), Optional.empty(),
                        List.of("event")),
                org.assertj.core.groups.Tuple.tuple("thing_get", Optional.of("thing_get_reply"),
                        Optional.of("thing_details"), List.of()),
                org.assertj.core.groups.Tuple.tuple("ping", Optional.empty(), Optional.empty(), List.of()));
    }

    @Test
    void shouldCountImplicitEnumValuesOnFromTheEntryBefore() throws ApiCompileException {
        ApiFile file = load("""
                enum mixed : i32 { A, B = 0x10, C, D = -1, E, };
                enumflag bits : u8 { X = 1, Y = 2, Z = 0x80 [backwards_compatible], };
                """);
        EnumDef mixed = (EnumDef) file.types().get(0);
        assertThat(mixed.base()).isEqualTo(BaseType.I32);
        assertThat(mixed.flags()).isFalse();
        assertThat(mixed.entries()).extracting(EnumEntry::name, EnumEntry::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", 0L), org.assertj.core.groups.Tuple.tuple("B", 16L),
                org.assertj.core.groups.Tuple.tuple("C", 17L), org.assertj.core.groups.Tuple.tuple("D", -1L),
                org.assertj.core.groups.Tuple.tuple("E", 0L));
        EnumDef bits = (EnumDef) file.types().get(1);
        assertThat(((EnumDef) load("enum plain { A, };\n").types().getFirst()).base()).isEqualTo(BaseType.U32);
        assertThat(bits.flags()).isTrue();
        assertThat(bits.base()).isEqualTo(BaseType.U8);
        assertThat(bits.entries()).extracting(EnumEntry::backwardsCompatible).containsExactly(false, false, true);
    }

    @Test
    void shouldResolveFieldShapesTypesAndTypedOptions() throws ApiCompileException {
        ApiFile file = load("""
                typedef u8 mac[6];
                typedef pair { u32 a; u32 b; };
                autoreply define shapes {
                  u32 client_index;
                  u32 context;
                  bool is_add [default=true];
                  u32 table [default=0xffffffff];
                  f64 ratio [default=1.0];
                  vl_api_mac_t mac;
                  string tag[64];
                  vl_api_pair_t pairs[2];
                  u8 n;
                  u16 mtu [default=9000];
                  u32 items[n];
                };
                """);
        Message shapes = file.message("shapes").orElseThrow();
        List<Field> fields = shapes.fields();
        assertThat(fields.get(2).options()).containsEntry("default", new OptionValue.Bool(true));
        assertThat(fields.get(3).options()).containsEntry("default", new OptionValue.Integer(0xffffffffL));
        assertThat(fields.get(4).options()).containsEntry("default", new OptionValue.Real(1.0));
        assertThat(fields.get(5).type()).isInstanceOfSatisfying(Alias.class, alias -> {
            assertThat(alias.target()).isEqualTo(BaseType.U8);
            assertThat(alias.shape()).isEqualTo(new FieldShape.Fixed(6));
        });
        assertThat(fields.get(6).shape()).isEqualTo(new FieldShape.Fixed(64));
        assertThat(fields.get(7).type()).isSameAs(file.types().get(1));
        assertThat(fields.get(7).shape()).isEqualTo(new FieldShape.Fixed(2));
        assertThat(fields.get(10).shape()).isEqualTo(new FieldShape.Counted("n"));
        assertThat(fields.get(10).isVariableLength()).isTrue();
    }

    @Test
    void shouldKeepDiscriminatorAndCaseOptionsOfATaggedUnion() throws ApiCompileException {
        ApiFile file = load("""
                enum family : u8 { IP4 = 0, IP6, };
                union address_union { u32 ip4[case=IP4]; u64 ip6[case=IP6]; };
                typedef address { vl_api_family_t af; vl_api_address_union_t un[discriminator=af]; };
                """);
        Union union = (Union) file.types().get(1);
        assertThat(union.arms()).extracting(arm -> arm.options().get("case"))
                .containsExactly(new OptionValue.Name("IP4"), new OptionValue.Name("IP6"));
        TypeDef address = (TypeDef) file.types().get(2);
        assertThat(address.fields().get(1).options()).containsEntry("discriminator", new OptionValue.Name("af"));
    }

    @Test
    void shouldAttachTheCommentEndingRightBeforeADefine() throws ApiCompileException {
        ApiFile file = load("""
                /** \\brief documented
                    @param context - sender context
                */
                autoreply define documented { u32 context; };

                /* too far away */

                autoreply define undocumented { u32 context; };
                // line comment
                typedef pair { u32 a; /* inside */ u32 b; };
                """);
        assertThat(file.message("documented").orElseThrow().comment())
                .contains("/** \\brief documented\n    @param context - sender context\n*/");
        assertThat(file.message("undocumented").orElseThrow().comment()).isEmpty();
        assertThat(((TypeDef) file.types().getFirst()).comment()).contains("// line comment");
    }

    @Test
    void shouldReadFileOptionsCountersAndPaths() throws ApiCompileException {
        ApiFile file = load("""
                option version = "2.1.0";
                option manual_endian_include = "x/y.h";
                counters ip4 {
                  none { severity info; type counter64; units "packets"; description "valid ip4 packets"; };
                  bad_length { severity error; type counter64; description "bad length"; };
                };
                paths { "/err/ip4-input" "ip4"; "/err/ip4-local" "ip4"; };
                """);
        assertThat(file.version()).contains("2.1.0");
        assertThat(file.options()).containsKeys("version", "manual_endian_include");
        CounterSet ip4 = file.counters().getFirst();
        assertThat(ip4.name()).isEqualTo("ip4");
        assertThat(ip4.counters()).extracting(CounterSet.Counter::name, CounterSet.Counter::severity,
                CounterSet.Counter::units).containsExactly(
                org.assertj.core.groups.Tuple.tuple("none", "info", "packets"),
                org.assertj.core.groups.Tuple.tuple("bad_length", "error", ""));
        assertThat(file.paths().getFirst().mappings()).containsExactly(
                new PathSet.Mapping("/err/ip4-input", "ip4"), new PathSet.Mapping("/err/ip4-local", "ip4"));
    }

    @Test
    void shouldLoadAFileReachedTwiceOnceAndSeeTypesOfEarlierImports() throws Exception {
        write("base.api", "typedef u8 mac[6];\n");
        write("left.api", "import \"base.api\";\ntypedef left { vl_api_mac_t m; };\n");
        // uses base's type without importing base itself, as VPP's generator allows
        write("right.api", "import \"base.api\";\ntypedef right { vl_api_mac_t m; vl_api_left_t l; };\n");
        ApiFile file = load("import \"left.api\";\nimport \"right.api\";\n");
        ApiFile left = file.imports().get(0).file();
        ApiFile right = file.imports().get(1).file();
        assertThat(left.imports().getFirst().file()).isSameAs(right.imports().getFirst().file());
        assertThat(file.types()).isEmpty();
        assertThat(right.module()).isEqualTo("right");
    }

    @Test
    void shouldStartEveryLoadWithAFreshTypeNamespace() throws Exception {
        write("one.api", "typedef pair { u32 a; };\n");
        write("two.api", "typedef pair { u64 a; };\n");
        ApiLoader loader = new ApiLoader(includeDir);
        ApiFile one = loader.load(includeDir.resolve("one.api"));
        ApiFile two = loader.load(includeDir.resolve("two.api"));
        assertThat(((TypeDef) one.types().getFirst()).fields().getFirst().type()).isEqualTo(BaseType.U32);
        assertThat(((TypeDef) two.types().getFirst()).fields().getFirst().type()).isEqualTo(BaseType.U64);
    }

    @Test
    void shouldNameTheModuleAfterTheFileWithDotsAsUnderscores() throws ApiCompileException {
        ApiFile file = new ApiLoader(includeDir).load(Path.of("dir/my.plugin.api"), "option version = \"1.0.0\";\n");
        assertThat(file.module()).isEqualTo("my_plugin");
    }

    private ApiFile load(String text) throws ApiCompileException {
        return new ApiLoader(includeDir).load(Path.of("t.api"), text);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(includeDir.resolve(name), text);
    }
}
