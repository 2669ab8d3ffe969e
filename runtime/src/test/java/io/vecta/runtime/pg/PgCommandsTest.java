package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.CliRuntime;
import io.vecta.runtime.VectaRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgCommandsTest {

    private static final String DROP_STREAM = "packet-generator new { name drop limit 1000 size 64-64 node error-drop"
            + " data { IP4: 02:00:00:00:00:aa -> 02:00:00:00:00:05 UDP: 10.0.4.2 -> 48.0.0.1"
            + " UDP: 1234 -> 5678 incrementing 22 } }";

    @TempDir
    Path runtimeDir;

    private CliRuntime vecta;
    private VectaRuntime runtime;

    @BeforeEach
    void start() {
        vecta = new CliRuntime(runtimeDir);
        runtime = vecta.runtime();
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

    private long dropped() {
        return runtime.mainThread().node("error-drop").vectors();
    }

    @Test
    void shouldSendTheLimitToErrorDropOnceEnabled() {
        run(DROP_STREAM);
        runtime.mainThread().runOnce();
        assertThat(dropped()).as("a new stream is disabled").isZero();

        run("packet-generator enable-stream drop");
        for (int i = 0; i < 5; i++) {
            runtime.mainThread().runOnce();
        }

        assertThat(dropped()).isEqualTo(1000);
        assertThat(runtime.mainThread().node("pg-input").vectors()).isEqualTo(1000);
    }

    @Test
    void shouldStopOnDisableAndForgetOnDelete() {
        run(DROP_STREAM.replace("limit 1000 ", ""));
        run("packet-generator enable-stream");
        runtime.mainThread().runOnce();
        assertThat(dropped()).isEqualTo(256);

        run("packet-generator disable-stream drop");
        runtime.mainThread().runOnce();
        assertThat(dropped()).isEqualTo(256);

        run("packet-generator enable-stream drop");
        runtime.mainThread().runOnce();
        assertThat(dropped()).isEqualTo(512);

        run("packet-generator delete drop");
        runtime.mainThread().runOnce();
        assertThat(dropped()).isEqualTo(512);
        assertThat(run("show packet-generator")).isEqualTo("no streams currently defined\n");
        assertThat(fail("packet-generator delete drop")).contains("packet-generator delete: no stream named 'drop'");
    }

    @Test
    void shouldShowStreamsInVppsLayout() {
        run(DROP_STREAM);
        run("packet-generator new name slow limit 5 rate 1e6 size 64-66 node error-drop data { IP4: 1.2.3 -> 4.5.6 "
                + "hex 0x00 }");
        run("packet-generator enable-stream drop");
        for (int i = 0; i < 4; i++) {
            runtime.mainThread().runOnce();
        }

        assertThat(run("show packet-generator")).isEqualTo("""
                Name               Enabled        Count     Parameters
                drop                 No           1000      limit 1000, rate 0.00e0 pps, size 64-64, buffer-size 2048, worker 0, \n\
                slow                 No             0       limit 5, rate 1.00e6 pps, size 64-66, buffer-size 2048, worker 0, \n\
                """);
        assertThat(run("show packet-generator verbose")).isEqualTo("""
                Name               Enabled        Count     Parameters
                drop                 No           1000      limit 1000, rate 0.00e0 pps, size 64-64, buffer-size 2048, worker 0, \n\
                                                            hdr-size 14, offset 0, \n\
                                                            hdr-size 20, offset 14, \n\
                                                            hdr-size 8, offset 34, edit-function udp_pg_edit_function, \n\
                                                            hdr-size 22, offset 42, \n\
                slow                 No             0       limit 5, rate 1.00e6 pps, size 64-66, buffer-size 2048, worker 0, \n\
                                                            hdr-size 14, offset 0, \n\
                                                            hdr-size 50, offset 14, \n\
                """);
    }

    @Test
    void shouldReportStreamErrorsThroughTheCli() {
        assertThat(fail("packet-generator new { name x limit 0 node error-drop data { hex 0x00 } }"))
                .contains("packet-generator new: limit: 0 packets would send nothing");
        assertThat(fail("packet-generator new name x node nowhere data { hex 0x00 }"))
                .contains("packet-generator new: node: no node named 'nowhere' in the graph");
        assertThat(fail("packet-generator new name x interface pg0 node error-drop data { hex 0x00 }"))
                .contains("packet-generator new: interface: unknown interface 'pg0'; interfaces: local0");
        assertThat(fail("packet-generator new name x interface local0 node error-drop data { hex 0x00 }"))
                .contains("packet-generator new: interface: local0 is not a packet-generator interface");
        assertThat(fail("packet-generator new { name x limit")).contains("packet-generator new: line 1, column 15: expected a number, got the end of the stream");
        assertThat(fail("packet-generator enable-stream ghost"))
                .contains("packet-generator enable-stream: no stream named 'ghost'");
    }
}
