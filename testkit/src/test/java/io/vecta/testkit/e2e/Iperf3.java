package io.vecta.testkit.e2e;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One iperf3 TCP run between two Linux hosts, its server started for that one test. */
final class Iperf3 {

    private static final Pattern RECEIVED = Pattern.compile(
            "\"sum_received\"\\s*:\\s*\\{[^}]*?\"bytes\"\\s*:\\s*(\\d+)[^}]*?\"bits_per_second\"\\s*:\\s*([0-9.eE+]+)");
    private static final Pattern RETRANSMITS = Pattern.compile(
            "\"sum_sent\"\\s*:\\s*\\{[^}]*?\"retransmits\"\\s*:\\s*(\\d+)");

    /**
     * What the client reported: bytes the server received, its rate, the sender's
     * retransmissions, and the whole JSON for failure messages.
     */
    record Result(long bytesReceived, double bitsPerSecond, long retransmits, String text) {
        /** A bound for retransmissions: a run that resent everything would be broken. */
        long segmentsSentOrOne() {
            return Math.max(1, bytesReceived / 1448);
        }
    }

    private Iperf3() {
    }

    /** Runs {@code seconds} of TCP from {@code client} to the server on {@code server} at {@code address}. */
    static Result run(LinuxHosts.Host server, LinuxHosts.Host client, String address, int seconds)
            throws IOException, InterruptedException {
        Process daemon = server.start("iperf3", "-s", "-1");
        try {
            Thread.sleep(300); // the server binds before the client connects
            String json = client.run("iperf3", "-c", address, "-t", Integer.toString(seconds), "-J",
                    "--connect-timeout", "3000");
            Matcher received = RECEIVED.matcher(json);
            Matcher retransmits = RETRANSMITS.matcher(json);
            if (!received.find()) {
                throw new AssertionError("iperf3 gave no result: " + json);
            }
            return new Result(Long.parseLong(received.group(1)), Double.parseDouble(received.group(2)),
                    retransmits.find() ? Long.parseLong(retransmits.group(1)) : 0, json);
        } finally {
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }
}
