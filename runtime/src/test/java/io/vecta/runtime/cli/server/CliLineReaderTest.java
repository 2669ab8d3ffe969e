package io.vecta.runtime.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliLineReaderTest {

    private static List<String> lines(int limit, byte[] input) throws IOException {
        CliLineReader reader = new CliLineReader(new ByteArrayInputStream(input), limit);
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line == CliLineReader.TOO_LONG ? "<TOO_LONG>" : line);
        }
        return lines;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void shouldEndLinesAtEveryNewlineConvention() throws IOException {
        assertThat(lines(100, "a\nb\r\nc\rd\r\0e".getBytes()))
                .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void shouldKeepEmptyLinesButNotInventOneAfterTheLast() throws IOException {
        assertThat(lines(100, "\n\r\nx\n".getBytes())).containsExactly("", "", "x");
        assertThat(lines(100, new byte[0])).isEmpty();
    }

    @Test
    void shouldDropTelnetCommandsAndKeepAnEscapedIac() throws IOException {
        byte[] input = bytes(0xFF, 0xFD, 0x03, 'a', 0xFF, 0xF1, 'b', 0xFF, 0xFA, 0x1F, 0, 80, 0xFF, 0xFF, 0, 24,
                0xFF, 0xF0, 'c', 0xFF, 0xFF, '\n');
        List<String> lines = lines(100, input);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).isEqualTo("abc\uFFFD");
    }

    @Test
    void shouldAcceptALineOfExactlyTheLimitAndRejectOneByteMore() throws IOException {
        String atLimit = "x".repeat(8);
        assertThat(lines(8, (atLimit + "\n" + atLimit + "y\nshort\n" + atLimit + "yz").getBytes()))
                .containsExactly(atLimit, "<TOO_LONG>", "short", "<TOO_LONG>");
    }

    @Test
    void shouldReplaceMalformedUtf8() throws IOException {
        // a truncated sequence is one replacement, a byte that cannot start one is another
        assertThat(lines(100, bytes('o', 0xC3, 0xA9, ' ', 0xE9, 0x80, 'x', 0x80, '\n')))
                .containsExactly("o\u00e9 \uFFFDx\uFFFD");
    }
}
