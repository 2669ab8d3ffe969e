package io.vecta.api.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRC rules on small files, with values VPP's generator gives for the same definitions. */
class ApiCrcTest {

    private static final String IP_TYPES = """
            typedef u8 ip4_address[4];
            typedef u8 ip6_address[16];
            enum address_family : u8 { ADDRESS_IP4 = 0, ADDRESS_IP6, };
            union address_union {
              vl_api_ip4_address_t ip4[case=ADDRESS_IP4];
              vl_api_ip6_address_t ip6[case=ADDRESS_IP6];
            };
            typedef address {
              vl_api_address_family_t af;
              vl_api_address_union_t un[discriminator=af];
            };
            typedef prefix { vl_api_address_t address; u8 len; };
            typedef vl_api_prefix_t address_with_prefix;
            """;

    @TempDir
    Path includeDir;

    @Test
    void shouldHashShowVersionAndItsReplyAsVpp() throws ApiCompileException {
        ApiFile file = load("""
                define show_version { u32 client_index; u32 context; };
                define show_version_reply {
                  u32 context;
                  i32 retval;
                  string program[32];
                  string version[32];
                  string build_date[32];
                  string build_directory[256];
                };
                """);
        Message request = file.message("show_version").orElseThrow();
        Message reply = file.message("show_version_reply").orElseThrow();
        assertThat(CrcText.of(request)).isEqualTo("[['u32', 'client_index'], ['u32', 'context']]");
        assertThat(ApiCrc.hex(ApiCrc.message(request))).isEqualTo("0x51077d14");
        assertThat(CrcText.of(reply)).isEqualTo("[['u32', 'context'], ['i32', 'retval'], ['string', 'program', 32, None],"
                + " ['string', 'version', 32, None], ['string', 'build_date', 32, None],"
                + " ['string', 'build_directory', 256, None]]");
        assertThat(ApiCrc.hex(ApiCrc.message(reply))).isEqualTo("0xc919bde1");
    }

    @Test
    void shouldWriteCountedAndOpenArraysAsVppPrintsThem() throws ApiCompileException {
        ApiFile file = load("""
                typedef module_version { u32 major; u32 minor; u32 patch; string name[64]; };
                define api_versions { u32 client_index; u32 context; };
                define api_versions_reply {
                  u32 context;
                  i32 retval;
                  u32 count;
                  vl_api_module_version_t api_versions[count];
                };
                autoreply define cli { u32 context; string cmd[]; };
                """);
        Message versions = file.message("api_versions_reply").orElseThrow();
        assertThat(CrcText.of(versions)).isEqualTo("[['u32', 'context'], ['i32', 'retval'], ['u32', 'count'],"
                + " ['vl_api_module_version_t', 'api_versions', 0, 'count']]");
        assertThat(ApiCrc.hex(ApiCrc.ownText(versions))).isEqualTo("0x90a39195");
        assertThat(ApiCrc.hex(ApiCrc.message(versions))).isEqualTo("0x5f0d99d6");
        assertThat(CrcText.of(file.message("cli").orElseThrow()))
                .isEqualTo("[['u32', 'context'], ['string', 'cmd', 0, None]]");
    }

    @Test
    void shouldFoldNestedTypesDepthFirstWithoutFollowingAliases() throws ApiCompileException {
        ApiFile file = load(IP_TYPES + """
                define lisp_map_resolver_details { u32 context; vl_api_address_t ip_address; };
                define lisp_map_resolver_dump { u32 client_index; u32 context; };
                """);
        Message details = file.message("lisp_map_resolver_details").orElseThrow();
        assertThat(ApiCrc.hex(ApiCrc.message(details))).isEqualTo("0x3e78fc57");
        String joined = "[['u32', 'context'], ['vl_api_address_t', 'ip_address']]"
                + "[['vl_api_address_family_t', 'af'], ['vl_api_address_union_t', 'un']]"
                + "[['ADDRESS_IP4', 0], ['ADDRESS_IP6', 1]]"
                + "[['vl_api_ip4_address_t', 'ip4'], ['vl_api_ip6_address_t', 'ip6']]"
                + "[][]";
        assertThat(ApiCrc.message(details)).isEqualTo(crc32(joined));
    }

    @Test
    void shouldFoldOnlyTheAliasTextForAnAliasOfAStruct() throws ApiCompileException {
        ApiFile file = load(IP_TYPES + """
                autoreply define sw_interface_add_del_address {
                  u32 client_index;
                  u32 context;
                  u32 sw_if_index;
                  bool is_add;
                  bool del_all;
                  vl_api_address_with_prefix_t prefix;
                };
                """);
        Message message = file.message("sw_interface_add_del_address").orElseThrow();
        assertThat(ApiCrc.message(message)).isEqualTo(crc32(CrcText.of(message) + "[]"));
    }

    @Test
    void shouldLeaveBackwardsCompatibleEntriesOutOfAnEnum() throws ApiCompileException {
        ApiFile file = load("""
                enum classify_action : u8 {
                  CLASSIFY_API_ACTION_NONE = 0,
                  CLASSIFY_API_ACTION_SET_IP4_FIB_INDEX = 1,
                  CLASSIFY_API_ACTION_SET_IP6_FIB_INDEX = 2,
                  CLASSIFY_API_ACTION_SET_METADATA = 3,
                  CLASSIFY_API_ACTION_MARK_FLOW = 4 [backwards_compatible],
                };
                """);
        EnumDef action = (EnumDef) file.types().getFirst();
        assertThat(action.entries()).hasSize(5);
        assertThat(CrcText.of(action)).isEqualTo("[['CLASSIFY_API_ACTION_NONE', 0], "
                + "['CLASSIFY_API_ACTION_SET_IP4_FIB_INDEX', 1], ['CLASSIFY_API_ACTION_SET_IP6_FIB_INDEX', 2], "
                + "['CLASSIFY_API_ACTION_SET_METADATA', 3]]");
    }

    @Test
    void shouldIgnoreNamesFlagsOptionsAndFieldOptionsButNotFieldNames() throws ApiCompileException {
        ApiFile file = load("""
                define plain { u32 client_index; u32 context; bool enable; };
                autoendian autoreply define decorated {
                  u32 client_index;
                  u32 context;
                  bool enable [default=true];
                  option deprecated;
                  option status = "in_progress";
                };
                define renamed { u32 client_index; u32 context; bool enabled; };
                service { rpc plain returns null; rpc renamed returns null; };
                """);
        int plain = ApiCrc.message(file.message("plain").orElseThrow());
        assertThat(ApiCrc.message(file.message("decorated").orElseThrow())).isEqualTo(plain);
        assertThat(ApiCrc.message(file.message("renamed").orElseThrow())).isNotEqualTo(plain);
    }

    @Test
    void shouldGiveEveryAutoreplyTheContextRetvalCrc() throws ApiCompileException {
        ApiFile file = load("autoreply define sw_interface_set_flags { u32 client_index; u32 context; u32 x; };\n");
        Message reply = file.messages().get(1);
        assertThat(reply.name()).isEqualTo("sw_interface_set_flags_reply");
        assertThat(ApiCrc.hex(ApiCrc.message(reply))).isEqualTo("0xe8d4e804");
    }

    @Test
    void shouldComputeTheFileCrcOverOwnDefinitionsAndTheJsonVersionWithImportedTypes() throws Exception {
        java.nio.file.Files.writeString(includeDir.resolve("types.api"), "enum e { A, };\n");
        ApiFile file = load("""
                option version = "1.0.0";
                import "types.api";
                autoreply define ping { u32 client_index; u32 context; vl_api_e_t e; };
                """);
        String ownItems = "version" + "[['u32', 'client_index'], ['u32', 'context'], ['vl_api_e_t', 'e']]";
        assertThat(ApiCrc.file(file)).isEqualTo(crc32(ownItems));
        assertThat(ApiCrc.jsonVersion(file)).isEqualTo(crc32("version" + "[['A', 0]]"
                + "[['u32', 'client_index'], ['u32', 'context'], ['vl_api_e_t', 'e']]"));
        assertThat(ApiCrc.messageRangeName(file)).contains("t_%08x".formatted(crc32(ownItems)));
        assertThat(ApiCrc.messageRangeName(file.imports().getFirst().file())).isEmpty();
        assertThat(ApiCrc.file(file.imports().getFirst().file())).isEqualTo(crc32("[['A', 0]]"));
    }

    @Test
    void shouldGiveAFileWithoutDefinitionsCrcZero() throws ApiCompileException {
        ApiFile file = load("counters none { c { severity info; type counter64; units \"x\"; description \"y\"; }; };\n");
        assertThat(ApiCrc.file(file)).isZero();
        assertThat(ApiCrc.hex(ApiCrc.file(file))).isEqualTo("0x00000000");
    }

    private ApiFile load(String text) throws ApiCompileException {
        return new ApiLoader(includeDir).load(Path.of("t.api"), text);
    }

    private static int crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
