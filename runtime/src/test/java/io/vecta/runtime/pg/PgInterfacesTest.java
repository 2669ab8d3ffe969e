package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.CliRuntime;
import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.interfaces.InterfaceCounters.Kind;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.packet.Ip4;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pg interfaces as receive and transmit points: pg0 -> interface-output -> pg1, captured. */
class PgInterfacesTest {

    private static final String STREAM = "packet-generator new { name s limit 5 size 64-64 interface pg0"
            + " tx-interface pg1 node interface-output data { IP4: 02:fe:00:00:00:aa -> 02:fe:00:00:00:01"
            + " UDP: 10.0.0.1 - 10.0.0.5 -> 10.0.1.1 UDP: 1234 -> 5678 incrementing 22 } }";

    @TempDir
    Path temp;

    private CliRuntime vecta;
    private VectaRuntime runtime;

    @BeforeEach
    void start() {
        vecta = new CliRuntime(temp.resolve("run"));
        runtime = vecta.runtime();
        run("create packet-generator interface pg0");
        run("create packet-generator interface pg1");
    }

    @AfterEach
    void stop() {
        vecta.close();
    }

    private String run(String line) {
        return vecta.run(line);
    }

    private String fail(String line) {
        return vecta.fail(line);
    }

    private void sendAll() {
        run(STREAM);
        run("packet-generator enable-stream s");
        for (int turn = 0; turn < 4; turn++) {
            runtime.mainThread().runOnce();
        }
    }

    private long counter(String name, Kind kind) {
        InterfaceTable table = InterfaceTable.of(runtime.graph());
        return table.counters().get(table.byName(name).swIfIndex(), kind);
    }

    @Test
    void shouldCaptureWhatPg1SendsAndCountItOnBothInterfaces() {
        run("set interface state pg0 up");
        run("set interface state pg1 up");
        run("packet-generator capture pg1");

        sendAll();

        PgCapture capture = PgInterfaces.of(runtime.graph()).capture(
                InterfaceTable.of(runtime.graph()).byName("pg1")).orElseThrow();
        List<byte[]> packets = capture.packets();
        assertThat(packets).hasSize(5).allSatisfy(p -> assertThat(p).hasSize(64));
        assertThat(packets).extracting(p -> Ip4.src(MemorySegment.ofArray(p), 14))
                .containsExactly(0x0a000001, 0x0a000002, 0x0a000003, 0x0a000004, 0x0a000005);
        assertThat(counter("pg0", Kind.RX_PACKETS)).isEqualTo(5);
        assertThat(counter("pg0", Kind.RX_BYTES)).isEqualTo(5 * 64);
        assertThat(counter("pg1", Kind.TX_PACKETS)).isEqualTo(5);
        assertThat(counter("pg1", Kind.TX_BYTES)).isEqualTo(5 * 64);
        assertThat(counter("pg0", Kind.TX_PACKETS)).isZero();

        String shown = run("show interface");
        assertThat(shown.lines().toList()).containsExactly(
                "              Name               Idx    State  MTU (L3/IP4/IP6/MPLS)     Counter          Count     ",
                "local0                            0     down          0/0/0/0       ",
                "pg0                               1      up          9000/0/0/0     rx packets                     5",
                "                                                                    rx bytes                     320",
                "pg1                               2      up          9000/0/0/0     tx packets                     5",
                "                                                                    tx bytes                     320");
        assertThat(run("sh int pg1").lines()).hasSize(3);
        run("clear interfaces");
        assertThat(counter("pg1", Kind.TX_PACKETS)).isZero();
        assertThat(run("packet-generator capture pg1 disable")).isEqualTo("pg1: 5 packets captured\n");
    }

    @Test
    void shouldDropWhatLeavesByAnInterfaceThatIsDownAndSayWhy() {
        run("set interface state pg0 up");

        sendAll();

        assertThat(counter("pg1", Kind.TX_PACKETS)).isZero();
        assertThat(runtime.mainThread().node("error-drop").vectors()).isEqualTo(5);
        assertThat(counter("pg0", Kind.DROPS)).as("dropped packets count on the interface they came in on").isEqualTo(5);
        assertThat(counter("pg1", Kind.DROPS)).isZero();
        assertThat(run("show errors").lines().filter(l -> l.contains("interface is down")).toList())
                .singleElement().satisfies(l -> assertThat(l.strip().split(" +")).startsWith("5", "interface-output"));
    }

    @Test
    void shouldTraceThePacketOutOfItsInterface() {
        run("set interface state pg0 up");
        run("set interface state pg1 up");
        run("trace add pg-input 1");

        sendAll();

        String trace = run("show trace");
        assertThat(trace).contains(": interface-output\n  pg1\n").contains(": pg-tx\n  pg1 length 64\n");
    }

    @Test
    void shouldWriteTheCaptureToAPcapFileThatTsharkReads() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        Path file = temp.resolve("pg1.pcap");
        run("set interface state pg0 up");
        run("set interface state pg1 up");
        run("packet-generator capture pg1 pcap " + file + " count 3");

        sendAll();
        assertThat(run("packet-generator capture pg1 disable"))
                .isEqualTo("pg1: 3 packets captured, 2 missed (capture full), written to " + file + "\n");

        Process tshark = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(), "-T", "fields",
                "-e", "ip.src", "-e", "udp.dstport").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(tshark.getInputStream().readAllBytes());
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().toList()).containsExactly("10.0.0.1\t5678", "10.0.0.2\t5678", "10.0.0.3\t5678");
    }

    @Test
    void shouldTakeTheMacAddressVppsHwAddrGives() {
        assertThat(run("create packet-generator interface pg7 hw-addr 02:00:00:00:00:05")).isEqualTo("pg7\n");

        assertThat(run("show hardware-interfaces pg7")).contains("Ethernet address 02:00:00:00:00:05");
        assertThat(run("show hardware-interfaces pg0")).contains("Ethernet address 02:fe:00:00:00:00");
        assertThat(fail("create packet-generator interface pg8 hw-addr 02:00:00"))
                .isEqualTo("create packet-generator interface: hw-addr: expected a MAC address, got '02:00:00'\n");
        assertThat(fail("create packet-generator interface pg8 mtu 3"))
                .isEqualTo("create packet-generator interface: unknown input 'mtu 3'; expected hw-addr\n");
    }

    @Test
    void shouldNameWhatIsWrongWithABadInterfaceCommand() {
        assertThat(fail("create packet-generator interface pg0"))
                .isEqualTo("create packet-generator interface: interface pg0 exists\n");
        assertThat(fail("create packet-generator interface eth0"))
                .contains("interface name 'eth0': a pg interface is called pg<n>, e.g. pg0");
        assertThat(fail("packet-generator capture local0")).contains("local0 is not a packet-generator interface");
        assertThat(fail("packet-generator capture pg7")).contains("pg7");
        assertThat(fail("packet-generator capture pg1 pcap " + temp.resolve("no/such/dir/x.pcap")))
                .contains(temp.resolve("no/such/dir/x.pcap").toString());
        assertThat(fail("set interface state local0 up")).contains("local0 cannot be set up");
        assertThat(fail("set interface state pg0 sideways")).contains("sideways");
        assertThat(fail("set interface mtu 20 pg0")).contains("mtu 20 for pg0: must be 68 to 65535");
        assertThat(fail("show interface pg9")).contains("pg9");
        assertThat(fail(STREAM.replace("tx-interface pg1", "tx-interface pg5")))
                .contains("tx-interface: unknown interface 'pg5'");
    }

    @Test
    void shouldWriteWhatInterfacesReceiveAndSendToOnePcapFile() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        Path both = temp.resolve("rxtx.pcap");
        run("set interface state pg0 up");
        run("set interface state pg1 up");
        run("pcap trace rx tx max 100 intfc any file " + both);
        assertThat(run("pcap trace status")).contains("pcap rx capture on").contains("pcap tx capture on")
                .contains("capture on any: 0 of 100 packets to " + both);

        sendAll();

        assertThat(run("pcap trace off")).isEqualTo("Write 10 packets to " + both + ", and stop capture\n");
        assertThat(tshark(both, "frame.len")).hasSize(10).containsOnly("64");
        assertThat(run("pcap trace status")).isEqualTo("pcap trace capture off\n");
    }

    @Test
    void shouldCaptureOnlyTheNamedInterfaceAndTheDropsOfOneThatIsDown() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        Path drops = temp.resolve("drop.pcap");
        run("set interface state pg0 up");
        run("pcap trace drop tx intfc pg0 file " + drops);

        sendAll();

        assertThat(run("pcap trace off")).isEqualTo("Write 5 packets to " + drops + ", and stop capture\n");
        assertThat(tshark(drops, "ip.src")).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4",
                "10.0.0.5");
    }

    @Test
    void shouldNameWhatIsWrongWithAPcapTraceCommand() {
        assertThat(fail("pcap trace max 5")).contains("say what to capture: rx, tx and/or drop");
        assertThat(fail("pcap trace off")).contains("no capture is on");
        assertThat(fail("pcap trace rx intfc pg9")).contains("pg9");
        assertThat(fail("pcap trace rx file " + temp.resolve("no/dir/x.pcap"))).contains("no/dir/x.pcap");
        run("pcap trace rx file " + temp.resolve("a.pcap"));
        assertThat(fail("pcap trace tx file " + temp.resolve("b.pcap"))).contains("already capturing to "
                + temp.resolve("a.pcap"));
        assertThat(run("pcap trace off")).startsWith("No packets captured");
    }

    private static List<String> tshark(Path file, String field) throws Exception {
        Process tshark = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(), "-T", "fields", "-e", field)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(tshark.getInputStream().readAllBytes());
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }
}
