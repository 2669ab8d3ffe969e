package io.vecta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.show.ParsedDot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void demoChecksTheStructuresThenTracesAPacketGeneratorStreamThroughTheGraph() {
        assertThat(run("demo")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .containsPattern("allocated (\\d+) buffers in \\d+ frames of up to 256, wrote a 60-byte UDP frame into each \\(\\1 with a valid IPv4 checksum\\); one more alloc gave 0")
                .contains("Pool Name", "default-numa-0")
                .contains("1000000 found with their value, 0 wrong; 1000000 random absent keys: 0 found")
                .contains("Hash table 'demo flows'", "1000000 active elements")
                .contains("10000 fired, 10000 on their tick");
        String graph = text.substring(text.indexOf("graph: "));
        assertThat(graph).contains("vecta# show trace max 2", "Packet 1", ": pg-input", "stream demo, 64 bytes",
                        "Packet 2", "Limiting display to 2 packets")
                .doesNotContain("Packet 3")
                .containsPattern("error-drop +active +\\d+ +1000 ")
                .containsPattern("the graph with its counts: \\S+demo-graph.dot");
        Path picture = Path.of(graph.replaceAll("(?s).*the graph with its counts: (\\S+).*", "$1"));
        assertThat(picture).exists();
        assertThat(ParsedDot.of(readString(picture)).labels().keySet()).contains("pg-input", "error-drop");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void unknownCommandExitsWithTwoAndNamesIt() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "usage: vecta ", "vecta demo");
    }

    @Test
    void extraArgumentExitsWithTwoAndNamesIt() {
        assertThat(run("demo", "now")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument 'now' after 'demo'");
    }

    @Test
    void shouldRefuseDashCWithoutAFileWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"-c"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("vecta: -c needs a startup.conf file");
    }
}
