package io.vecta.api.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing and the comparison that command-line tools print. */
class ApiCrcsAndDiffTest {

    private static final List<String> VPE_FILES = List.of("vpp/api/vpe.api", "vpp/api/vpe_types.api",
            "vlibmemory/memclnt.api", "vnet/interface_types.api", "vnet/interface.api", "vnet/ip/ip_types.api",
            "vnet/ethernet/ethernet_types.api");

    @TempDir
    Path temp;

    @Test
    void shouldListEveryMessageSortedByFileThenName() throws Exception {
        write(temp, "b/second.api", "autoreply define zeta { u32 client_index; u32 context; };\n"
                + "autoreply define alpha { u32 client_index; u32 context; u8 x; };\n");
        write(temp, "a/first.api", "import \"b/types.api\";\n"
                + "autoreply define mid { u32 client_index; u32 context; vl_api_t_t t; };\n");
        write(temp, "b/types.api", "typedef t { u8 x; };\n");
        List<MessageCrc> rows = ApiCrcs.list(temp);
        assertThat(rows).extracting(MessageCrc::file, MessageCrc::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a/first.api", "mid"),
                org.assertj.core.groups.Tuple.tuple("a/first.api", "mid_reply"),
                org.assertj.core.groups.Tuple.tuple("b/second.api", "alpha"),
                org.assertj.core.groups.Tuple.tuple("b/second.api", "alpha_reply"),
                org.assertj.core.groups.Tuple.tuple("b/second.api", "zeta"),
                org.assertj.core.groups.Tuple.tuple("b/second.api", "zeta_reply"));
        assertThat(rows.get(5).crc()).isEqualTo(0xe8d4e804);
        assertThat(rows.get(4).toString()).isEqualTo("b/second.api\tzeta\t0x51077d14");
    }

    @Test
    void shouldResolveImportsOfASingleFileAgainstItsParentDirectories() throws Exception {
        write(temp, "a/first.api", "import \"b/types.api\";\n"
                + "autoreply define mid { u32 client_index; u32 context; vl_api_t_t t; };\n");
        write(temp, "b/types.api", "typedef t { u8 x; };\n");
        assertThat(ApiCrcs.list(temp.resolve("a/first.api"))).extracting(MessageCrc::file)
                .containsExactly("first.api", "first.api");
    }

    @Test
    void shouldReportTheErrorsOfEveryFileItCannotList() throws Exception {
        write(temp, "one.api", "define lonely { u32 context; };\n");
        write(temp, "two.api", "typedef x { string s; };\n");
        ApiCompileException failure = catchThrowableOfType(ApiCompileException.class, () -> ApiCrcs.list(temp));
        assertThat(failure.diagnostics()).hasSize(2);
    }

    @Test
    void shouldListVppsMessagesWithVppsCrcs() throws Exception {
        Path tree = copyReference(temp.resolve("tree"));
        Map<String, String> expected = new java.util.HashMap<>();
        for (Map<String, String> row : ReferenceData.table("vpp-api-crc.tsv")) {
            if (row.get("kind").equals("message") && VPE_FILES.contains(row.get("api_file"))) {
                expected.put(row.get("api_file") + "\t" + row.get("name"), row.get("crc"));
            }
        }
        List<MessageCrc> rows = ApiCrcs.list(tree);
        assertThat(rows).hasSize(expected.size());
        for (MessageCrc row : rows) {
            assertThat(ApiCrc.hex(row.crc())).as(row.file() + " " + row.message())
                    .isEqualTo(expected.get(row.file() + "\t" + row.message()));
        }
    }

    @Test
    void shouldFindTheMessagesAddedRemovedAndChangedBetweenTwoCopies() throws Exception {
        Path before = copyReference(temp.resolve("before"));
        Path after = copyReference(temp.resolve("after"));
        Path vpe = after.resolve("vpp/api/vpe.api");
        String text = Files.readString(vpe);
        String edited = text
                .replace("string build_directory[256];", "string build_directory[512];")
                .replace("define show_vpe_system_time_reply\n{", "define show_vpe_system_time_gone_reply\n{")
                + "\nautoreply define show_vpe_uptime { u32 client_index; u32 context; };\n";
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(vpe, edited.replace("define show_vpe_system_time\n{",
                "define show_vpe_system_time_gone\n{"));

        ApiDiff diff = ApiDiff.compare(before, after);

        assertThat(diff.added()).extracting(MessageCrc::message).containsExactly("show_vpe_system_time_gone",
                "show_vpe_system_time_gone_reply", "show_vpe_uptime", "show_vpe_uptime_reply");
        assertThat(diff.removed()).extracting(MessageCrc::message)
                .containsExactly("show_vpe_system_time", "show_vpe_system_time_reply");
        assertThat(diff.changed()).singleElement().satisfies(change -> {
            assertThat(change.message()).isEqualTo("show_version_reply");
            assertThat(change.file()).isEqualTo("vpp/api/vpe.api");
            assertThat(ApiCrc.hex(change.oldCrc())).isEqualTo("0xc919bde1");
            assertThat(change.newCrc()).isNotEqualTo(change.oldCrc());
        });
        assertThat(ApiDiff.compare(before, before).isEmpty()).isTrue();
    }

    @Test
    void shouldCompareTreesThatNeedNoReferenceData() throws Exception {
        write(temp, "old/x.api", """
                autoreply define keep { u32 client_index; u32 context; };
                autoreply define edit { u32 client_index; u32 context; u8 a; };
                autoreply define drop { u32 client_index; u32 context; };
                """);
        write(temp, "new/moved/y.api", """
                autoreply define keep { u32 client_index; u32 context; };
                autoreply define edit { u32 client_index; u32 context; u16 a; };
                autoreply define fresh { u32 client_index; u32 context; };
                """);
        ApiDiff diff = ApiDiff.compare(temp.resolve("old"), temp.resolve("new"));
        assertThat(diff.added()).extracting(MessageCrc::message).containsExactly("fresh", "fresh_reply");
        assertThat(diff.removed()).extracting(MessageCrc::message).containsExactly("drop", "drop_reply");
        assertThat(diff.changed()).extracting(ApiDiff.Change::message, ApiDiff.Change::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("edit", "moved/y.api"));
    }

    private static Path copyReference(Path target) throws IOException {
        Path src = ReferenceData.sourceTree();
        for (String file : VPE_FILES) {
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(src.resolve(file), to);
        }
        return target;
    }

    private static void write(Path root, String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
