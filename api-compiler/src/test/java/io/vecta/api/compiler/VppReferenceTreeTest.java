package io.vecta.api.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.DefinitionFlag;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.UserType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file of VPP's tree loads, and every message CRC, file CRC and range name equals what
 * VPP's own generator computed for it ({@code vpp-api-crc.tsv}, {@code vpp-api-modules.tsv}).
 */
class VppReferenceTreeTest {

    private static final Map<String, ApiFile> FILES = new LinkedHashMap<>();
    private static final Map<String, String> LOAD_ERRORS = new LinkedHashMap<>();

    @BeforeAll
    static void loadTree() {
        if (!FILES.isEmpty() || !LOAD_ERRORS.isEmpty()) {
            return;
        }
        Path src = ReferenceData.sourceTree();
        ApiLoader loader = new ApiLoader(src);
        for (Path file : ApiCrcs.apiFiles(ReferenceData.root().resolve("vpp-api"))) {
            String name = src.relativize(file).toString();
            try {
                FILES.put(name, loader.load(file));
            } catch (ApiCompileException e) {
                LOAD_ERRORS.put(name, e.getMessage());
            }
        }
    }

    @Test
    void shouldLoadAndCheckEveryApiFileOfVppsTree() {
        assertThat(LOAD_ERRORS).as("files of VPP's tree that did not load").isEmpty();
        assertThat(FILES).hasSize(157);
    }

    @Test
    void shouldComputeEveryMessageCrcAsVppDoes() {
        List<Map<String, String>> rows = rows("message");
        assertThat(rows).hasSize(2207);
        List<String> mismatches = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Optional<Message> message = message(row);
            String where = row.get("api_file") + " " + row.get("name");
            if (message.isEmpty()) {
                mismatches.add(where + ": no such message loaded");
                continue;
            }
            String got = ApiCrc.hex(ApiCrc.message(message.get()));
            if (!got.equals(row.get("crc"))) {
                mismatches.add(where + ": expected crc " + row.get("crc") + ", got " + got);
            }
        }
        assertThat(mismatches).as("messages whose CRC differs from VPP's (%d)", mismatches.size()).isEmpty();
    }

    @Test
    void shouldMatchTextCrcFieldCountIndexFlagsAndOptionsOfEveryMessage() {
        List<String> mismatches = new ArrayList<>();
        for (Map<String, String> row : rows("message")) {
            Optional<Message> found = message(row);
            String where = row.get("api_file") + " " + row.get("name");
            if (found.isEmpty()) {
                mismatches.add(where + ": no such message loaded");
                continue;
            }
            Message message = found.get();
            ApiFile file = FILES.get(row.get("api_file"));
            expect(mismatches, where, "text_crc", row, ApiCrc.hex(ApiCrc.ownText(message)));
            expect(mismatches, where, "json_field_count", row, String.valueOf(message.fields().size() + 1));
            expect(mismatches, where, "msg_index_in_file", row, String.valueOf(file.messages().indexOf(message)));
            expect(mismatches, where, "flags", row, orDash(message.flags().stream()
                    .map(DefinitionFlag::keyword).collect(Collectors.joining(","))));
            // the table lists option names sorted
            expect(mismatches, where, "options", row, orDash(message.options().keySet().stream().sorted()
                    .collect(Collectors.joining(","))));
        }
        assertThat(mismatches).as("message columns that differ from VPP's (%d)", mismatches.size()).isEmpty();
    }

    @Test
    void shouldLoadExactlyTheMessagesVppListsForEachFile() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Map<String, String> row : rows("message")) {
            expected.computeIfAbsent(row.get("api_file"), f -> new ArrayList<>()).add(row.get("name"));
        }
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, ApiFile> file : FILES.entrySet()) {
            List<String> got = file.getValue().messages().stream().map(Message::name).toList();
            List<String> want = expected.getOrDefault(file.getKey(), List.of());
            if (!got.equals(want)) {
                mismatches.add(file.getKey() + ": expected " + want + ", got " + got);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void shouldComputeEveryTypeCrcAsVppsGeneratorFoldsIt() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Map<String, String> row : ReferenceData.table("vpp-api-crc.tsv")) {
            if (row.get("kind").equals("message")) {
                continue;
            }
            checked++;
            String where = row.get("kind") + " " + row.get("api_file") + " " + row.get("name");
            ApiFile file = FILES.get(row.get("api_file"));
            Optional<UserType> type = file == null ? Optional.empty() : file.types().stream()
                    .filter(t -> t.name().equals(row.get("name"))).findFirst();
            if (type.isEmpty()) {
                mismatches.add(where + ": no such type loaded");
                continue;
            }
            String kind = switch (type.get()) {
                case io.vecta.api.compiler.model.TypeDef ignored -> "typedef";
                case io.vecta.api.compiler.model.Union ignored -> "union";
                case io.vecta.api.compiler.model.Alias ignored -> "alias";
                case io.vecta.api.compiler.model.EnumDef e -> e.keyword();
            };
            int count = switch (type.get()) {
                case io.vecta.api.compiler.model.TypeDef t -> t.fields().size();
                case io.vecta.api.compiler.model.Union u -> u.arms().size();
                case io.vecta.api.compiler.model.Alias ignored -> 0;
                case io.vecta.api.compiler.model.EnumDef e -> e.entries().size();
            };
            expect(mismatches, where, "kind", row, kind);
            expect(mismatches, where, "crc", row, ApiCrc.hex(ApiCrc.type(type.get())));
            expect(mismatches, where, "text_crc", row, ApiCrc.hex(ApiCrc.ownText(type.get())));
            expect(mismatches, where, "json_field_count", row, String.valueOf(count));
        }
        assertThat(checked).isEqualTo(353);
        assertThat(mismatches).as("type columns that differ from VPP's (%d)", mismatches.size()).isEmpty();
    }

    @Test
    void shouldMatchEveryFileCrcRangeNameAndVersion() {
        List<Map<String, String>> rows = ReferenceData.table("vpp-api-modules.tsv");
        assertThat(rows).hasSize(157);
        List<String> mismatches = new ArrayList<>();
        for (Map<String, String> row : rows) {
            ApiFile file = FILES.get(row.get("api_file"));
            String where = row.get("api_file");
            if (file == null) {
                mismatches.add(where + ": not loaded");
                continue;
            }
            expect(mismatches, where, "module", row, file.module());
            expect(mismatches, where, "message_count", row, String.valueOf(file.messages().size()));
            expect(mismatches, where, "file_crc", row, ApiCrc.hex(ApiCrc.file(file)));
            expect(mismatches, where, "json_vl_api_version", row, "0x" + Integer.toHexString(ApiCrc.jsonVersion(file)));
            expect(mismatches, where, "msg_range_name", row, ApiCrc.messageRangeName(file).orElse("-"));
            expect(mismatches, where, "option_version", row, file.version().orElse("-"));
            expect(mismatches, where, "import_count", row, String.valueOf(importsReached(file)));
        }
        assertThat(mismatches).as("file columns that differ from VPP's (%d)", mismatches.size()).isEmpty();
    }

    private static List<Map<String, String>> rows(String kind) {
        return ReferenceData.table("vpp-api-crc.tsv").stream().filter(row -> row.get("kind").equals(kind)).toList();
    }

    private static Optional<Message> message(Map<String, String> row) {
        ApiFile file = FILES.get(row.get("api_file"));
        return file == null ? Optional.empty() : file.message(row.get("name"));
    }

    private static void expect(List<String> mismatches, String where, String column, Map<String, String> row,
            String got) {
        if (!row.get(column).equals(got)) {
            mismatches.add(where + ": expected " + column + " " + row.get(column) + ", got " + got);
        }
    }

    /** Every import statement reached from the file, again each time a file is reached (VPP's JSON {@code imports}). */
    private static int importsReached(ApiFile file) {
        int count = 0;
        for (io.vecta.api.compiler.model.Import imported : file.imports()) {
            count += 1 + importsReached(imported.file());
        }
        return count;
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
