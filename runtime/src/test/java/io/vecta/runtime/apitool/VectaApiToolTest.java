package io.vecta.runtime.apitool;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.SharedReference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectaApiToolTest {

    private static final String PING_API = """
            option version = "1.0.0";
            define ping { u32 client_index; u32 context; u8 payload[4]; };
            define ping_reply { u32 context; i32 retval; };
            autoreply define reset { u32 client_index; u32 context; };
            """;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VectaApiTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldListEveryMessageWithItsCrcTabSeparated() throws Exception {
        Files.writeString(temp.resolve("ping.api"), PING_API);

        assertThat(run("crc", temp.resolve("ping.api").toString())).isZero();

        assertThat(out().lines().map(l -> l.split("\t")[0] + " " + l.split("\t")[1]).toList())
                .containsExactly("ping.api ping", "ping.api ping_reply", "ping.api reset", "ping.api reset_reply");
        assertThat(out().lines()).allSatisfy(l -> assertThat(l).matches("[^\t]+\t[a-z_]+\t0x[0-9a-f]{8}"));
    }

    @Test
    void shouldGiveVppsCrcsForVppsOwnFiles() throws Exception {
        Path reference = SharedReference.file("vpp-api-crc.tsv").getParent();
        Path vpe = reference.resolve("vpp-api/src/vpp/api/vpe.api");

        assertThat(run("crc", vpe.toString(), "-I", reference.resolve("vpp-api/src").toString())).as(err()).isZero();

        Map<String, String> expected = Files.readAllLines(reference.resolve("vpp-api-crc.tsv")).stream()
                .map(l -> l.split("\t")).filter(c -> c[0].equals("message") && c[1].equals("vpp/api/vpe.api"))
                .collect(Collectors.toMap(c -> c[3], c -> c[4]));
        Map<String, String> got = out().lines().map(l -> l.split("\t")).collect(Collectors.toMap(c -> c[1], c -> c[2]));
        assertThat(got).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void shouldReportAddedRemovedAndChangedMessagesAndExitOne() throws Exception {
        Path before = Files.createDirectory(temp.resolve("old"));
        Path after = Files.createDirectory(temp.resolve("new"));
        Files.writeString(before.resolve("ping.api"), PING_API);
        Files.writeString(after.resolve("ping.api"), PING_API.replace("u8 payload[4]", "u8 payload[8]")
                .replace("autoreply define reset { u32 client_index; u32 context; };",
                        "autoreply define restart { u32 client_index; u32 context; };"));

        assertThat(run("diff", before.toString(), after.toString())).isEqualTo(VectaApiTool.DIFFERENT);

        List<String> lines = out().lines().toList();
        assertThat(lines).extracting(l -> l.split("\t")[0] + " " + l.split("\t")[2]).containsExactly(
                "added restart", "added restart_reply", "removed reset", "removed reset_reply", "changed ping");
        assertThat(lines.getLast()).matches("changed\tping.api\tping\t0x[0-9a-f]{8} -> 0x[0-9a-f]{8}");
        out.reset();
        assertThat(run("diff", before.toString(), before.toString())).isZero();
        assertThat(out()).isEmpty();
    }

    @Test
    void shouldNameTheFileLineAndColumnOfABadApiFileAndExitThree() throws Exception {
        Files.writeString(temp.resolve("bad.api"), "define broken { u32 context; nosuchtype x; };\n");

        assertThat(run("crc", temp.toString())).isEqualTo(VectaApiTool.BAD_API);

        assertThat(err()).contains("bad.api:1:").contains("nosuchtype");
    }

    @Test
    void shouldExplainABadCommandLineAndExitTwo() {
        assertThat(run()).isEqualTo(VectaApiTool.USAGE);
        assertThat(run("crc")).isEqualTo(VectaApiTool.USAGE);
        assertThat(run("crc", temp.resolve("none.api").toString())).isEqualTo(VectaApiTool.USAGE);
        assertThat(run("diff", temp.toString())).isEqualTo(VectaApiTool.USAGE);
        assertThat(run("frobnicate")).isEqualTo(VectaApiTool.USAGE);
        assertThat(err()).contains("crc: name a .api file or a directory of them")
                .contains("none.api: no such file or directory").contains("diff: give two directories")
                .contains("unknown command 'frobnicate'").contains("usage: vecta-api crc");
    }
}
