package io.vecta.runtime.cli.commands;

import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.l2.BridgeDomain;
import io.vecta.runtime.l2.BridgeDomains;
import io.vecta.runtime.l2.L2Exception;
import io.vecta.runtime.l2.L2Fib;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.packet.MacAddress;
import java.util.List;
import java.util.OptionalInt;

/**
 * VPP's L2 commands: interfaces into bridges and cross-connects and back to L3, bridge domains,
 * the L2 FIB. Tables are laid out as VPP prints them.
 */
public final class L2Commands {

    private L2Commands() {
    }

    /** {@code set interface l2 bridge <interface> <bd-id> [bvi] [shg <n>]}. */
    @CliCommand(path = "set interface l2 bridge",
            shortHelp = "set interface l2 bridge <interface> <bridge-domain-id> [bvi] [shg <n>]",
            longHelp = "Makes the interface a member of the bridge domain, which must exist: its frames are switched."
                    + " With bvi, a loopback becomes the bridge's virtual interface, which routes for the domain;"
                    + " shg puts it in a split-horizon group (1 to 255): no frame goes between members of one group.")
    public static void bridge(CliContext ctx, CliInput in, CliOutput out) {
        SwInterface iface = InterfaceCommands.lookUp(InterfaceCommands.table(ctx), in.interfaceName("interface"));
        int id = in.number("bridge-domain-id", 1, BridgeDomains.MAX_ID);
        boolean bvi = false;
        int shg = 0;
        while (!in.atEnd()) {
            if (in.keyword("bvi")) {
                bvi = true;
            } else if (in.keyword("shg")) {
                shg = in.number("shg", 0, BridgeDomains.MAX_SHG);
            } else {
                OptionalInt bare = in.tryNumber();
                if (bare.isEmpty()) {
                    throw in.unknownInput();
                }
                shg = bare.getAsInt();
            }
        }
        boolean asBvi = bvi;
        int group = shg;
        run(() -> bridges(ctx).bridge(iface, id, asBvi, group));
    }

    /** {@code set interface l2 xconnect <interface> <peer>}. */
    @CliCommand(path = "set interface l2 xconnect", shortHelp = "set interface l2 xconnect <interface> <peer-interface>",
            longHelp = "Sends every frame the interface receives out of the peer, unchanged. One way: the peer's"
                    + " frames go back only after the same command the other way round.")
    public static void xconnect(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = InterfaceCommands.table(ctx);
        SwInterface from = InterfaceCommands.lookUp(table, in.interfaceName("interface"));
        SwInterface to = InterfaceCommands.lookUp(table, in.interfaceName("peer-interface"));
        in.expectEnd();
        run(() -> bridges(ctx).xconnect(from, to));
    }

    /** {@code set interface l3 <interface>}. */
    @CliCommand(path = "set interface l3", shortHelp = "set interface l3 <interface>",
            longHelp = "Takes the interface out of its bridge domain or cross-connect: its frames are routed again,"
                    + " and the addresses learnt on it are forgotten.")
    public static void l3(CliContext ctx, CliInput in, CliOutput out) {
        SwInterface iface = InterfaceCommands.lookUp(InterfaceCommands.table(ctx), in.interfaceName("interface"));
        in.expectEnd();
        run(() -> bridges(ctx).setL3(iface));
    }

    /** {@code create bridge-domain <id> [learn 0|1] ... [del]}. */
    @CliCommand(path = "create bridge-domain",
            shortHelp = "create bridge-domain <bridge-domain-id> [learn <0|1>] [forward <0|1>] [uu-flood <0|1>]"
                    + " [flood <0|1>] [arp-term <0|1>] [mac-age <minutes>] [del]",
            longHelp = "Creates a bridge domain; learning, forwarding and both floods are on and ageing off unless"
                    + " set. mac-age removes learnt addresses not seen for so many minutes (1 to 255). With del,"
                    + " deletes the bridge domain, which must have no members.")
    public static void create(CliContext ctx, CliInput in, CliOutput out) {
        int id = in.number("bridge-domain-id", 1, BridgeDomains.MAX_ID);
        Boolean learn = null;
        Boolean forward = null;
        Boolean uuFlood = null;
        Boolean flood = null;
        Boolean arpTerm = null;
        Integer macAge = null;
        boolean delete = false;
        while (!in.atEnd()) {
            if (in.keyword("learn")) {
                learn = in.number("learn", 0, 1) == 1;
            } else if (in.keyword("forward")) {
                forward = in.number("forward", 0, 1) == 1;
            } else if (in.keyword("uu-flood")) {
                uuFlood = in.number("uu-flood", 0, 1) == 1;
            } else if (in.keyword("flood")) {
                flood = in.number("flood", 0, 1) == 1;
            } else if (in.keyword("arp-term")) {
                arpTerm = in.number("arp-term", 0, 1) == 1;
            } else if (in.keyword("mac-age")) {
                macAge = in.number("mac-age", 0, 255);
            } else if (in.keyword("del")) {
                delete = true;
            } else {
                throw in.unknownInput();
            }
        }
        BridgeDomains bridges = bridges(ctx);
        if (delete) {
            run(() -> bridges.delete(id));
            return;
        }
        BridgeDomains.Settings settings = new BridgeDomains.Settings(learn, forward, flood, uuFlood, arpTerm, macAge);
        run(() -> {
            bridges.create(id);
            bridges.configure(id, settings);
        });
        out.println("bridge-domain " + id);
    }

    /** {@code show bridge-domain [<id> [detail]]}. */
    @CliCommand(path = "show bridge-domain", shortHelp = "show bridge-domain [<bridge-domain-id> [detail]]",
            longHelp = "Lists the bridge domains with their switches; with an id, that one, and with detail its"
                    + " L2 nodes and members too.")
    public static void show(CliContext ctx, CliInput in, CliOutput out) {
        BridgeDomains bridges = bridges(ctx);
        OptionalInt id = in.tryNumber();
        boolean detail = id.isPresent() && in.keyword("detail");
        in.expectEnd();
        List<BridgeDomain> shown;
        if (id.isPresent()) {
            shown = List.of(query(() -> bridges.get(id.getAsInt())));
        } else {
            shown = bridges.all();
            if (shown.isEmpty()) {
                out.println("No operational bridge domains");
                return;
            }
        }
        InterfaceTable table = InterfaceCommands.table(ctx);
        out.println(BridgeDomainTable.header());
        for (BridgeDomain bd : shown) {
            int learnt = 0;
            for (L2Fib.Entry e : bridges.fib().entries()) {
                if (e.bdIndex() == bd.index() && !L2Fib.isStatic(e.result())) {
                    learnt++;
                }
            }
            int bvi = bd.bviSwIfIndex();
            out.println(BridgeDomainTable.row(bd, learnt, bridges.fib().limit(), bvi < 0 ? "N/A" : table.nameOf(bvi)));
            if (detail) {
                out.println(BridgeDomainTable.nodes(bd));
                out.println("");
                out.println(BridgeDomainTable.memberHeader());
                for (BridgeDomain.Member m : bd.members()) {
                    out.println(BridgeDomainTable.memberRow(table.nameOf(m.swIfIndex()), m));
                }
            }
        }
    }

    /** {@code l2fib add <mac> <bd-id> <interface> [static]}. */
    @CliCommand(path = "l2fib add", shortHelp = "l2fib add <mac> <bridge-domain-id> <interface> [static]",
            longHelp = "Sends frames for the MAC address in the bridge domain out of the interface, a member of it."
                    + " A static entry is neither aged nor moved by learning.")
    public static void add(CliContext ctx, CliInput in, CliOutput out) {
        long mac = in.macAddress("mac");
        int id = in.number("bridge-domain-id", 1, BridgeDomains.MAX_ID);
        SwInterface iface = InterfaceCommands.lookUp(InterfaceCommands.table(ctx), in.interfaceName("interface"));
        boolean isStatic = in.keyword("static");
        in.expectEnd();
        run(() -> bridges(ctx).addEntry(mac, id, iface, isStatic));
    }

    /** {@code l2fib del <mac> <bd-id>}. */
    @CliCommand(path = "l2fib del", shortHelp = "l2fib del <mac> <bridge-domain-id> [<interface>]",
            longHelp = "Removes the L2 FIB entry of the MAC address in the bridge domain.")
    public static void del(CliContext ctx, CliInput in, CliOutput out) {
        long mac = in.macAddress("mac");
        int id = in.number("bridge-domain-id", 1, BridgeDomains.MAX_ID);
        in.tryInterfaceName();
        in.expectEnd();
        run(() -> bridges(ctx).deleteEntry(mac, id));
    }

    /** {@code show l2fib [verbose]}. */
    @CliCommand(path = "show l2fib", shortHelp = "show l2fib [verbose]",
            longHelp = "Counts the L2 FIB's entries; verbose lists them: address, bridge domain index, interface,"
                    + " minutes since seen (learnt entries of ageing bridges), static.")
    public static void showFib(CliContext ctx, CliInput in, CliOutput out) {
        boolean verbose = in.keyword("verbose");
        in.expectEnd();
        BridgeDomains bridges = bridges(ctx);
        InterfaceTable table = InterfaceCommands.table(ctx);
        List<L2Fib.Entry> entries = bridges.fib().entries();
        long now = bridges.nowSeconds();
        if (verbose && !entries.isEmpty()) {
            out.println(L2FibTable.header());
            for (L2Fib.Entry e : entries) {
                int ageMinutes = bridges.byIndex(e.bdIndex()).map(BridgeDomain::macAgeMinutes).orElse(0);
                String age = L2Fib.isStatic(e.result()) || ageMinutes == 0 ? "-"
                        : String.valueOf((now - L2Fib.seenSeconds(e.result())) / 60);
                out.println(L2FibTable.row(e, age, table.nameOf(L2Fib.swIfIndex(e.result()))));
            }
        }
        long learnt = entries.stream().filter(e -> !L2Fib.isStatic(e.result())).count();
        out.println("L2FIB total/learned entries: " + entries.size() + "/" + learnt + "  Last scan time: "
                + String.format(java.util.Locale.ROOT, "%.4e", bridges.lastScanNanos() / 1e9) + "sec  Learn limit: "
                + bridges.fib().limit());
        out.println("Mac age scans: " + bridges.ageScans() + "  aged out: " + bridges.agedOut());
    }

    /** {@code set bridge-domain mac-age <bd-id> <minutes>}. */
    @CliCommand(path = "set bridge-domain mac-age", shortHelp = "set bridge-domain mac-age <bridge-domain-id> <mins>",
            longHelp = "Removes the bridge domain's learnt addresses not seen for so many minutes (1 to 255); 0"
                    + " turns ageing off. l2fib-mac-age-scanner-process scans once a minute while a bridge ages.")
    public static void setMacAge(CliContext ctx, CliInput in, CliOutput out) {
        int id = in.number("bridge-domain-id", 1, BridgeDomains.MAX_ID);
        int minutes = in.number("mins", 0, 255);
        in.expectEnd();
        BridgeDomains bridges = bridges(ctx);
        run(() -> bridges.configure(id, new BridgeDomains.Settings(null, null, null, null, null, minutes)));
    }

    /** {@code clear l2fib}. */
    @CliCommand(path = "clear l2fib", shortHelp = "clear l2fib",
            longHelp = "Removes every learnt L2 FIB entry; static entries stay.")
    public static void clearFib(CliContext ctx, CliInput in, CliOutput out) {
        in.expectEnd();
        bridges(ctx).clearLearnt();
    }

    private static BridgeDomains bridges(CliContext ctx) {
        return BridgeDomains.of(RunningRuntime.of(ctx).graph());
    }

    private static void run(Runnable change) {
        try {
            change.run();
        } catch (L2Exception e) {
            throw new CliException(e.getMessage());
        }
    }

    private static <T> T query(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (L2Exception e) {
            throw new CliException(e.getMessage());
        }
    }

    /** VPP's {@code %=Ns}: {@code text} centred in {@code width}, the odd space on the right (or left). */
    static String centre(String text, int width, boolean oddLeft) {
        int pad = width - text.length();
        if (pad <= 0) {
            return text;
        }
        int left = oddLeft ? (pad + 1) / 2 : pad / 2;
        return " ".repeat(left) + text + " ".repeat(pad - left);
    }

    /** A row of centred columns: each {@code {width, oddLeft, spaceAfter}}. */
    static String columns(int[][] specs, String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < specs.length; i++) {
            line.append(centre(values[i], specs[i][0], specs[i][1] == 1));
            if (specs[i][2] == 1) {
                line.append(' ');
            }
        }
        return line.toString();
    }

    /** {@code show bridge-domain}'s tables, as VPP lays them out. */
    static final class BridgeDomainTable {

        private static final int[][] DOMAIN = {{9, 0, 1}, {5, 0, 1}, {7, 0, 0}, {8, 0, 1}, {10, 0, 1}, {8, 0, 1},
                {12, 0, 1}, {8, 0, 1}, {10, 0, 1}, {8, 0, 1}, {9, 0, 0}, {8, 0, 1}, {11, 1, 0}};
        private static final int[][] MEMBER = {{31, 0, 0}, {6, 0, 1}, {3, 0, 1}, {5, 0, 1}, {3, 0, 1}, {9, 0, 1},
                {28, 0, 1}};

        private BridgeDomainTable() {
        }

        static String header() {
            return columns(DOMAIN, "BD-ID", "Index", "BSN", "Age(min)", "Learning", "U-Forwrd", "UU-Flood",
                    "Flooding", "ARP-Term", "arp-ufwd", "Learn-co", "Learn-li", "BVI-Intf");
        }

        static String row(BridgeDomain bd, int learnt, int limit, String bvi) {
            return columns(DOMAIN, String.valueOf(bd.id()), String.valueOf(bd.index()), "0",
                    bd.macAgeMinutes() == 0 ? "off" : String.valueOf(bd.macAgeMinutes()), onOff(bd.learn()),
                    onOff(bd.forward()), bd.uuFlood() ? "flood" : "drop", onOff(bd.flood()), onOff(bd.arpTerm()),
                    "off", String.valueOf(learnt), String.valueOf(limit), bvi);
        }

        /** The L2 nodes a frame of the bridge passes, as VPP lists its input features. */
        static String nodes(BridgeDomain bd) {
            StringBuilder line = new StringBuilder();
            if (bd.learn()) {
                line.append("l2-learn ");
            }
            if (bd.forward()) {
                line.append("l2-fwd ");
            }
            if (bd.uuFlood()) {
                line.append("l2-flood ");
            }
            if (bd.flood()) {
                line.append("l2-flood ");
            }
            return line.append("l2-output ").toString();
        }

        static String memberHeader() {
            return columns(MEMBER, "Interface", "If-idx", "ISN", "SHG", "BVI", "TxFlood", "VLAN-Tag-Rewrite");
        }

        static String memberRow(String name, BridgeDomain.Member m) {
            return columns(MEMBER, name, String.valueOf(m.swIfIndex()), "1", String.valueOf(m.shg()),
                    m.bvi() ? "*" : "-", "*", "none");
        }

        private static String onOff(boolean on) {
            return on ? "on" : "off";
        }
    }

    /** {@code show l2fib verbose}'s table, as VPP lays it out. */
    static final class L2FibTable {

        private static final int[][] COLUMNS = {{19, 0, 0}, {7, 0, 0}, {7, 0, 0}, {8, 0, 0}, {9, 0, 0}, {7, 0, 0},
                {7, 0, 0}, {5, 0, 0}, {30, 0, 0}};

        private L2FibTable() {
        }

        static String header() {
            return columns(COLUMNS, "Mac-Address", "BD-Idx", "If-Idx", "BSN-ISN", "Age(min)", "static", "filter",
                    "bvi", "Interface-Name");
        }

        static String row(L2Fib.Entry e, String age, String name) {
            return columns(COLUMNS, MacAddress.format(e.mac()), String.valueOf(e.bdIndex()),
                    String.valueOf(L2Fib.swIfIndex(e.result())), "0/1", age, L2Fib.isStatic(e.result()) ? "*" : "-",
                    "-", "-", name);
        }
    }
}
