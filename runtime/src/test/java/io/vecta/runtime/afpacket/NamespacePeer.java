package io.vecta.runtime.afpacket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace joined to this one by a veth pair, as {@code netns-pair.sh} builds its
 * host topology: the host end stays here for a host interface to attach to; the namespace end
 * has an address and a permanent neighbour entry for the gateway pointing at the host end's
 * MAC, so the kernel there sends to it without ARP. IPv6 is off on both ends so that no router
 * solicitation adds frames to a count.
 *
 * <pre>
 *   netns NS: PEER 198.18.10.2/24, MAC_PEER, default via 198.18.10.1 (MAC_HOST, permanent)
 *       <== veth ==>  this namespace: HOST, MAC_HOST, no address
 * </pre>
 */
final class NamespacePeer implements AutoCloseable {

    static final String GATEWAY = "198.18.10.1";
    static final String PEER_IP = "198.18.10.2";
    static final String MAC_HOST = "02:fe:00:00:0a:01";
    static final String MAC_PEER = "02:fe:00:00:0a:02";

    final String namespace;
    final String host;
    final String peer;

    private NamespacePeer(String namespace, String host, String peer) {
        this.namespace = namespace;
        this.host = host;
        this.peer = peer;
    }

    /** Builds it, or skips the test (reported as skipped) when not root or {@code ip netns} fails. */
    static NamespacePeer up(String namespace, String host, String peer) throws Exception {
        Assumptions.assumeTrue(run("id", "-u").strip().equals("0"), "needs root for network namespaces");
        run("ip", "netns", "del", namespace);
        run("ip", "link", "del", host);
        String made = run("ip", "netns", "add", namespace);
        Assumptions.assumeTrue(made.isEmpty(), "ip netns unusable here: " + made);
        NamespacePeer pair = new NamespacePeer(namespace, host, peer);
        pair.must("ip", "link", "add", host, "address", MAC_HOST, "type", "veth", "peer", "name", peer,
                "address", MAC_PEER);
        pair.must("ip", "link", "set", peer, "netns", namespace);
        Path ipv6 = Path.of("/proc/sys/net/ipv6/conf", host, "disable_ipv6");
        if (Files.exists(ipv6)) {
            Files.writeString(ipv6, "1");
            pair.must("ip", "netns", "exec", namespace, "sh", "-c",
                    "echo 1 > /proc/sys/net/ipv6/conf/" + peer + "/disable_ipv6");
        }
        pair.must("ip", "-n", namespace, "link", "set", peer, "up");
        pair.must("ip", "-n", namespace, "addr", "add", PEER_IP + "/24", "dev", peer);
        pair.must("ip", "-n", namespace, "neigh", "replace", GATEWAY, "lladdr", MAC_HOST, "dev", peer, "nud",
                "permanent");
        return pair;
    }

    /** A process run inside the namespace. */
    Process start(String... command) throws IOException {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = namespace;
        System.arraycopy(command, 0, full, 4, command.length);
        return new ProcessBuilder(full).start();
    }

    private void must(String... command) throws IOException, InterruptedException {
        String output = run(command);
        if (!output.isEmpty()) {
            close();
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }

    @Override
    public void close() {
        try {
            run("ip", "netns", "del", namespace);
            run("ip", "link", "del", host);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("removing netns " + namespace, e);
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(Arrays.toString(command) + " did not finish");
        }
        return output;
    }

    /** Every frame of a pcap file written by tcpdump (microsecond, little- or big-endian headers). */
    static List<byte[]> readPcap(Path file) throws IOException {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = in.getInt(0);
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            in.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        List<byte[]> frames = new java.util.ArrayList<>();
        int at = 24;
        while (at + 16 <= in.limit()) {
            int captured = in.getInt(at + 8);
            byte[] frame = new byte[captured];
            in.get(at + 16, frame);
            frames.add(frame);
            at += 16 + captured;
        }
        return frames;
    }
}
