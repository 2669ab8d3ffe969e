package io.vecta.runtime.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.CliRuntime;
import io.vecta.runtime.SharedReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration behind the design's VPP figures ({@code vpp-bench-paths.cli}: pg interfaces,
 * a route and a static neighbour, a bridge domain, four streams, remarks over several lines)
 * runs in Vecta as it is written, its streams cut to a thousand packets, and each stream's
 * packets reach the end of its path.
 */
class VppBenchPathsTest {

    private static final int PACKETS = 1000;

    @TempDir
    Path runtimeDir;
    @TempDir
    Path temp;

    private CliRuntime vecta;

    @BeforeEach
    void start() {
        vecta = new CliRuntime(runtimeDir);
    }

    @AfterEach
    void stop() {
        vecta.close();
    }

    @Test
    void shouldRunTheBenchmarkPathsOfTheDesignAsTheyAreWritten() throws Exception {
        String reference = Files.readString(SharedReference.file("vpp-bench-paths.cli"));
        assertThat(reference).contains("limit 50000000").containsPattern("comment \\{[^}]*\\n");
        Path script = Files.writeString(temp.resolve("paths.cli"),
                reference.replace("limit 50000000", "limit " + PACKETS));

        vecta.run("exec " + script);
        assertThat(vecta.run("show packet-generator")).contains("\ndrop ", "\nip4 ", "\nl2learn ", "\nl2 ");

        runStream("l2learn");
        long txAfterLearning = vecta.vectors("pg-tx");
        long forwardedAfterLearning = vecta.vectors("l2-fwd");
        runStream("drop");
        assertThat(vecta.vectors("error-drop")).isEqualTo(PACKETS);
        runStream("ip4");
        assertThat(vecta.vectors("ip4-rewrite")).isEqualTo(PACKETS);
        runStream("l2");
        assertThat(vecta.vectors("l2-fwd") - forwardedAfterLearning).isEqualTo(PACKETS);
        assertThat(vecta.vectors("pg-tx") - txAfterLearning).as("the ip4 and l2 streams, all sent out").isEqualTo(2 * PACKETS);
        assertThat(vecta.vectors("error-drop")).as("nothing else dropped").isEqualTo(PACKETS);
    }

    private void runStream(String name) {
        vecta.run("packet-generator enable-stream " + name);
        for (int turn = 0; turn < 10_000 && vecta.run("show packet-generator").lines()
                .anyMatch(row -> row.startsWith(name + " ") && row.contains(" Yes ")); turn++) {
            vecta.runtime().mainThread().runOnce();
        }
        assertThat(vecta.run("show packet-generator").lines().filter(row -> row.startsWith(name + " ")))
                .singleElement().asString().contains(" No ");
    }
}
