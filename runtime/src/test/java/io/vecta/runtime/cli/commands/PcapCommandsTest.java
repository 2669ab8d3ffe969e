package io.vecta.runtime.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.pg.PcapReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapCommandsTest {

    private static final String STREAM = "packet-generator new { name s limit 10 size 64-64 node error-drop data {"
            + " IP4: 2.3.4 -> 6.7.8 UDP: 192.0.2.1 -> 198.51.100.7 UDP: 1234 -> 4321 incrementing 18 } }";

    @TempDir
    Path temp;

    private RuntimeShell cli;

    @BeforeEach
    void start() {
        cli = RuntimeShell.start(temp.resolve("run"), null);
    }

    @AfterEach
    void close() {
        cli.close();
    }

    /** Sends the stream's 10 packets through pg-input to error-drop. */
    private void sendStream() {
        cli.ok(STREAM);
        cli.ok("packet-generator enable-stream s");
        for (int turn = 0; turn < 4; turn++) {
            cli.runtime.mainThread().runOnce();
        }
    }

    @Test
    void shouldCaptureEachPacketTheNodeIsHandedAndReportOnOff() {
        Path file = temp.resolve("dispatch.pcap");
        assertThat(cli.ok("pcap dispatch trace on max 100 file " + file))
                .isEqualTo("pcap dispatch capture on: max 100 packets to " + file + "\n");
        sendStream();

        assertThat(cli.ok("pcap dispatch trace status"))
                .isEqualTo("pcap dispatch capture on: 10 of 100 packets to " + file + "\n");
        assertThat(cli.ok("pcap dispatch trace off"))
                .isEqualTo("Write 10 packets to " + file + ", and stop capture\n");
        assertThat(cli.ok("pcap dispatch trace status")).isEqualTo("pcap dispatch capture off\n");

        List<byte[]> packets = PcapReader.read(file);
        // pg-input is called with an empty frame: the records are error-drop's view
        assertThat(packets).hasSize(10).allSatisfy(packet -> assertThat(packet).hasSize(64));
        assertThat(packets.getFirst()[12]).isEqualTo((byte) 0x08);
        assertThat(packets.getFirst()[13]).isEqualTo((byte) 0x00);
    }

    @Test
    void shouldStopAtTheMaximumAndSayItIsFull() {
        Path file = temp.resolve("four.pcap");
        cli.ok("pcap dispatch trace on max 4 file " + file);
        sendStream();

        assertThat(cli.ok("pcap dispatch trace status"))
                .isEqualTo("pcap dispatch capture on: 4 of 4 packets to " + file + ", full\n");
        // the capture is complete on disk before it is turned off
        assertThat(PcapReader.read(file)).hasSize(4);
        assertThat(cli.ok("pcap dispatch trace off")).isEqualTo("Write 4 packets to " + file + ", and stop capture\n");
        assertThat(PcapReader.read(file)).hasSize(4);
    }

    @Test
    void shouldWriteFramesTsharkDecodesToTheStreamsValues() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        Path file = temp.resolve("tshark.pcap");
        cli.ok("pcap dispatch trace on max 50 file " + file);
        sendStream();
        cli.ok("pcap dispatch trace off");

        Process tshark = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(), "-T", "fields",
                "-e", "ip.src", "-e", "udp.dstport").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(tshark.getInputStream().readAllBytes());
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tshark.exitValue()).as(out).isZero();

        assertThat(out.lines().toList()).isEqualTo(Collections.nCopies(10, "192.0.2.1\t4321"));
    }

    @Test
    void shouldRefuseAnUnwritableFileAndKeepTheRuntimeRunning() {
        Path file = temp.resolve("no-such-dir").resolve("x.pcap");

        assertThat(cli.error("pcap dispatch trace on max 10 file " + file))
                .contains("pcap " + file + ": cannot create it: no such directory " + temp.resolve("no-such-dir"));
        assertThat(cli.ok("pcap dispatch trace status")).isEqualTo("pcap dispatch capture off\n");

        Path good = temp.resolve("good.pcap");
        cli.ok("pcap dispatch trace on max 10 file " + good);
        sendStream();
        assertThat(cli.ok("pcap dispatch trace off")).isEqualTo("Write 10 packets to " + good + ", and stop capture\n");
        assertThat(PcapReader.read(good)).hasSize(10);
    }

    @Test
    void shouldRefuseASecondCaptureAndOffWithoutOne() {
        assertThat(cli.error("pcap dispatch trace off")).contains("pcap dispatch trace: no capture is on");
        Path file = temp.resolve("a.pcap");
        cli.ok("pcap dispatch trace on file " + file);
        assertThat(cli.error("pcap dispatch trace on file " + temp.resolve("b.pcap")))
                .contains("pcap dispatch trace: already capturing to " + file + "; turn it off first");
        assertThat(cli.ok("pcap dispatch trace off")).isEqualTo("No packets captured, " + file + " holds none\n");
    }

    @Test
    void shouldAlsoTraceTheInputNodesPacketsWithBufferTrace() {
        Path file = temp.resolve("traced.pcap");
        cli.ok("pcap dispatch trace on max 100 file " + file + " buffer-trace pg-input 3");
        assertThat(cli.ok("pcap dispatch trace status"))
                .isEqualTo("pcap dispatch capture on: 0 of 100 packets to " + file + ", buffer-trace pg-input 3\n");
        sendStream();
        cli.ok("pcap dispatch trace off");

        String trace = cli.ok("show trace");
        assertThat(trace).contains("Packet 3", "pg-input").doesNotContain("Packet 4");
        assertThat(PcapReader.read(file)).hasSize(10);
        assertThat(cli.error("pcap dispatch trace on file " + file + " buffer-trace error-drop 3"))
                .contains("node 'error-drop' is an internal node");
        assertThat(cli.ok("pcap dispatch trace status")).isEqualTo("pcap dispatch capture off\n");
    }
}
