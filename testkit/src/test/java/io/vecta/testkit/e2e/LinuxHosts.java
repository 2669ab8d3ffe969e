package io.vecta.testkit.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Two Linux hosts, each a network namespace with one veth whose other end stays in this
 * namespace for Vecta to attach to as a host interface: the topology of
 * {@code netns-pair.sh up -t host --no-neigh}, built here so that the tests need nothing beside
 * the clone. The hosts resolve their gateway by ARP, so Vecta must answer.
 *
 * <pre>
 *   netns PREFIXa: eth0 A_IP/24, default via A_GATEWAY  <== veth ==>  PREFIXa-h (here, no address)
 *   netns PREFIXb: eth0 B_IP/24, default via B_GATEWAY  <== veth ==>  PREFIXb-h (here, no address)
 * </pre>
 *
 * Checksum and segmentation offloads are off on every end (when ethtool is there), so the
 * frames Vecta reads carry whole checksums and no super-frames; IPv6 is off, so no router
 * solicitations add frames.
 */
final class LinuxHosts implements AutoCloseable {

    /** One host: its namespace, the veth end Vecta attaches to, its address and gateway. */
    record Host(String namespace, String hostEnd, String address, String gateway, int prefixLength) {

        /** A process run inside the host's namespace. */
        Process start(String... command) throws IOException {
            return new ProcessBuilder(inside(namespace, command)).redirectErrorStream(true).start();
        }

        /** Runs {@code command} inside the namespace to its end; its output. */
        String run(String... command) throws IOException, InterruptedException {
            return LinuxHosts.run(inside(namespace, command));
        }

        /** The MAC address the host's kernel has for {@code ip}, or empty. */
        String neighbourMac(String ip) throws IOException, InterruptedException {
            String[] words = run("ip", "neigh", "show", ip, "dev", "eth0").strip().split(" +");
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i].equals("lladdr")) {
                    return words[i + 1];
                }
            }
            return "";
        }
    }

    final Host a;
    final Host b;
    private final List<String> namespaces = new ArrayList<>();

    private LinuxHosts(Host a, Host b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Routed hosts: {@code a} on 198.18.1.0/24 and {@code b} on 198.18.2.0/24, each behind its
     * {@code .1}; or, {@code sameSubnet}, both on 198.18.0.0/24 for a bridge between them.
     * Skips the test (reported as skipped) when not root or {@code ip netns} is unusable.
     */
    static LinuxHosts up(String prefix, boolean sameSubnet) throws Exception {
        Assumptions.assumeTrue(run("id", "-u").strip().equals("0"), "needs root for network namespaces");
        Assumptions.assumeTrue(run("sh", "-c", "command -v ip").contains("ip"), "iproute2 is not installed");
        Host a = sameSubnet ? new Host(prefix + "a", prefix + "a-h", "198.18.0.1", "", 24)
                : new Host(prefix + "a", prefix + "a-h", "198.18.1.2", "198.18.1.1", 24);
        Host b = sameSubnet ? new Host(prefix + "b", prefix + "b-h", "198.18.0.2", "", 24)
                : new Host(prefix + "b", prefix + "b-h", "198.18.2.2", "198.18.2.1", 24);
        LinuxHosts hosts = new LinuxHosts(a, b);
        hosts.remove(a);
        hosts.remove(b);
        try {
            hosts.add(a, "02:fe:00:00:01:02");
            hosts.add(b, "02:fe:00:00:02:02");
        } catch (IOException e) {
            hosts.close();
            Assumptions.abort("network namespaces unusable here: " + e.getMessage());
        }
        return hosts;
    }

    private void add(Host host, String mac) throws IOException, InterruptedException {
        must("ip", "netns", "add", host.namespace());
        namespaces.add(host.namespace());
        must("ip", "link", "add", host.hostEnd(), "type", "veth", "peer", "name", "eth0", "address", mac,
                "netns", host.namespace());
        quiet(host.hostEnd(), null);
        quiet("eth0", host.namespace());
        must("ip", "link", "set", host.hostEnd(), "up");
        must(inside(host.namespace(), "ip", "link", "set", "lo", "up"));
        must(inside(host.namespace(), "ip", "link", "set", "eth0", "up"));
        must(inside(host.namespace(), "ip", "addr", "add", host.address() + "/" + host.prefixLength(), "dev", "eth0"));
        if (!host.gateway().isEmpty()) {
            must(inside(host.namespace(), "ip", "route", "add", "default", "via", host.gateway()));
        }
    }

    /** IPv6 and offloads off on {@code device} (in {@code namespace}, or here when null). */
    private static void quiet(String device, String namespace) throws IOException, InterruptedException {
        String script = "echo 1 > /proc/sys/net/ipv6/conf/" + device + "/disable_ipv6 2>/dev/null;"
                + " command -v ethtool >/dev/null && ethtool -K " + device
                + " rx off tx off tso off gso off gro off >/dev/null 2>&1; true";
        run(namespace == null ? new String[] {"sh", "-c", script} : inside(namespace, "sh", "-c", script));
    }

    /** Empties both hosts' neighbour caches, so that each test starts with their ARP. */
    void forgetNeighbours() throws IOException, InterruptedException {
        for (Host host : List.of(a, b)) {
            host.run("ip", "neigh", "flush", "dev", "eth0");
        }
    }

    /** Whether ethtool turned offloads off: without it, TCP through Vecta carries partial checksums. */
    static boolean canTurnOffOffloads() throws IOException, InterruptedException {
        return run("sh", "-c", "command -v ethtool").contains("ethtool");
    }

    private void remove(Host host) throws IOException, InterruptedException {
        run("ip", "netns", "del", host.namespace());
        run("ip", "link", "del", host.hostEnd());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Host host : List.of(a, b)) {
            remove(host);
        }
    }

    private static String[] inside(String namespace, String... command) {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = namespace;
        System.arraycopy(command, 0, full, 4, command.length);
        return full;
    }

    private static void must(String... command) throws IOException, InterruptedException {
        String output = run(command);
        if (!output.isBlank()) {
            throw new IOException(String.join(" ", command) + ": " + output.strip());
        }
    }

    /** Runs {@code command} to its end (20 s at most); its output and errors together. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(Arrays.toString(command) + " did not finish");
        }
        return output;
    }

    /** Whether {@code tool} is on the PATH. */
    static boolean has(String tool) throws IOException, InterruptedException {
        return !run("sh", "-c", "command -v " + tool).isBlank();
    }
}
