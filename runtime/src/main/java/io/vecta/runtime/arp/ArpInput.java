package io.vecta.runtime.arp;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.ethernet.L2Header;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.runtime.neighbor.Ip4NeighborTable;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Arp;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip4Prefix;
import io.vecta.sdk.packet.MacAddress;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@code arp-input}: answers ARP requests for the addresses of the interface they arrive on and
 * learns neighbours (VPP's {@code arp-input} and {@code arp-reply} in one node).
 *
 * <ul>
 *   <li>A request for one of the rx interface's addresses, from a sender in one of its subnets,
 *       is turned into the reply in place (the Ethernet header with its tags found through
 *       {@link L2Header}, addresses swapped, our MAC as sender) and sent back out of the rx
 *       interface; the sender is learnt.</li>
 *   <li>A reply from a sender in one of its subnets is learnt and dropped, counted as received.</li>
 *   <li>Everything else is dropped with VPP's reason for it.</li>
 * </ul>
 * The counters are VPP's {@code arp-reply} errors, in VPP's words, with "ARP packet truncated"
 * added for a packet too short to hold an Ethernet/IPv4 ARP message.
 */
@GraphNode(name = ArpInput.NODE, errors = ArpInput.Error.class)
public final class ArpInput {

    /** The node's name. */
    public static final String NODE = "arp-input";

    enum Error {
        @ErrorCounter(description = "ARP replies sent", severity = Severity.INFO)
        REPLIES_SENT,
        @ErrorCounter(description = "L2 type not ethernet", severity = Severity.ERROR)
        L2_TYPE_NOT_ETHERNET,
        @ErrorCounter(description = "L3 type not IP4", severity = Severity.ERROR)
        L3_TYPE_NOT_IP4,
        @ErrorCounter(description = "IP4 source address not local to subnet", severity = Severity.ERROR)
        L3_SRC_ADDRESS_NOT_LOCAL,
        @ErrorCounter(description = "IP4 destination address not local to subnet", severity = Severity.ERROR)
        L3_DST_ADDRESS_NOT_LOCAL,
        @ErrorCounter(description = "IP4 destination address is unset", severity = Severity.ERROR)
        L3_DST_ADDRESS_UNSET,
        @ErrorCounter(description = "IP4 source address matches local interface", severity = Severity.ERROR)
        L3_SRC_ADDRESS_IS_LOCAL,
        @ErrorCounter(description = "ARP replies received", severity = Severity.INFO)
        REPLIES_RECEIVED,
        @ErrorCounter(description = "ARP opcode not request", severity = Severity.ERROR)
        OPCODE_NOT_REQUEST,
        @ErrorCounter(description = "ARP hw addr does not match L2 frame src addr", severity = Severity.ERROR)
        L2_ADDRESS_MISMATCH,
        @ErrorCounter(description = "ARP probe or announcement dropped", severity = Severity.ERROR)
        GRATUITOUS_ARP,
        @ErrorCounter(description = "Interface is not IP enabled", severity = Severity.ERROR)
        INTERFACE_NOT_IP_ENABLED,
        @ErrorCounter(description = "ARP packet truncated", severity = Severity.ERROR)
        TRUNCATED
    }

    @Next("interface-output")
    static final int NEXT_OUTPUT = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state and the services the node reads; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        InterfaceTable interfaces;
        Ip4InterfaceAddresses addresses;
        Ip4NeighborTable neighbors;
    }

    /**
     * What a traced packet shows under {@code arp-input}, as VPP prints an ARP message (or that
     * the {@code length} bytes held none):
     * {@code request, type ethernet/IP4, address size 6/4} and then
     * {@code 02:01:00:00:00:01/10.0.0.2 -> 00:00:00:00:00:00/10.0.0.1}.
     */
    public record ArpTrace(int length, int opcode, int hardwareType, int protocolType, int hardwareSize, int protocolSize,
                           long senderMac, int senderIp, long targetMac, int targetIp) {
        /** Two lines, VPP's {@code format_ethernet_arp_header}. */
        public String format() {
            if (length < Arp.LENGTH) {
                return "ARP packet truncated: " + length + " bytes";
            }
            String op = opcode == Arp.OPCODE_REQUEST ? "request" : opcode == Arp.OPCODE_REPLY ? "reply"
                    : "unknown 0x" + Integer.toHexString(opcode);
            String hw = hardwareType == Arp.HARDWARE_TYPE_ETHERNET ? "ethernet"
                    : "0x" + Integer.toHexString(hardwareType);
            String proto = protocolType == Ethernet.ETHER_TYPE_IP4 ? "IP4" : "0x" + Integer.toHexString(protocolType);
            return op + ", type " + hw + "/" + proto + ", address size " + hardwareSize + "/" + protocolSize
                    + "\n" + MacAddress.format(senderMac) + "/" + Ip4Address.format(senderIp) + " -> "
                    + MacAddress.format(targetMac) + "/" + Ip4Address.format(targetIp);
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.interfaces == null) {
            s.interfaces = InterfaceTable.of(((NodeRuntime) ctx).graph());
            s.addresses = Ip4InterfaceAddresses.of(((NodeRuntime) ctx).graph());
            s.neighbors = Ip4NeighborTable.of(((NodeRuntime) ctx).graph());
        }
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int[] errors = s.errors;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        boolean traced = frame.isTraced();
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            if (traced && (buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                // as VPP traces it: the message as it came, before it is answered in place
                ctx.addTrace(bi, trace(buffers, bi));
            }
            int outcome = handle(s, buffers, bi);
            int slot = Outcome.errorSlot(outcome);
            nexts[i] = Outcome.next(outcome);
            if (slot != 0) {
                errors[slot - 1]++;
                if (nexts[i] == NEXT_DROP) {
                    ctx.noteCountedError(bi, slot - 1);
                }
            }
        }
        ctx.addErrors(errors, 0);
        Arrays.fill(errors, 0);
        ctx.enqueueToNext(bis, nexts, count);
    }

    private static int handle(Scratch s, Buffers buffers, int bi) {
        MemorySegment m = buffers.memory();
        long arp = buffers.dataOffset(bi);
        if (buffers.currentLength(bi) < Arp.LENGTH) {
            return Outcome.withError(NEXT_DROP, Error.TRUNCATED);
        }
        if (Arp.hardwareType(m, arp) != Arp.HARDWARE_TYPE_ETHERNET
                || Arp.hardwareSize(m, arp) != MacAddress.LENGTH) {
            return Outcome.withError(NEXT_DROP, Error.L2_TYPE_NOT_ETHERNET);
        }
        if (Arp.protocolType(m, arp) != Ethernet.ETHER_TYPE_IP4 || Arp.protocolSize(m, arp) != Ip4Address.LENGTH) {
            return Outcome.withError(NEXT_DROP, Error.L3_TYPE_NOT_IP4);
        }
        int opcode = Arp.opcode(m, arp);
        if (opcode != Arp.OPCODE_REQUEST && opcode != Arp.OPCODE_REPLY) {
            return Outcome.withError(NEXT_DROP, Error.OPCODE_NOT_REQUEST);
        }
        int senderIp = Arp.senderIp(m, arp);
        int targetIp = Arp.targetIp(m, arp);
        if (targetIp == 0) {
            return Outcome.withError(NEXT_DROP, Error.L3_DST_ADDRESS_UNSET);
        }
        if (senderIp == targetIp || senderIp == 0) {
            return Outcome.withError(NEXT_DROP, Error.GRATUITOUS_ARP);
        }
        int rx = buffers.rxSwIfIndex(bi);
        Ip4Prefix[][] byInterface = s.addresses.byInterface();
        Ip4Prefix[] mine = rx >= 0 && rx < byInterface.length ? byInterface[rx] : null;
        if (mine == null || mine.length == 0) {
            return Outcome.withError(NEXT_DROP, Error.INTERFACE_NOT_IP_ENABLED);
        }
        boolean senderLocal = false;
        Ip4Prefix target = null;
        for (Ip4Prefix address : mine) {
            if (address.address() == senderIp) {
                return Outcome.withError(NEXT_DROP, Error.L3_SRC_ADDRESS_IS_LOCAL);
            }
            senderLocal |= address.contains(senderIp);
            if (address.address() == targetIp) {
                target = address;
            }
        }
        long l2 = L2Header.start(buffers, bi);
        long senderMac = Arp.senderMac(m, arp);
        if (senderMac != Ethernet.src(m, l2)) {
            return Outcome.withError(NEXT_DROP, Error.L2_ADDRESS_MISMATCH);
        }
        if (opcode == Arp.OPCODE_REPLY) {
            if (!senderLocal) {
                return Outcome.withError(NEXT_DROP, Error.L3_SRC_ADDRESS_NOT_LOCAL);
            }
            s.neighbors.learn(rx, senderIp, senderMac);
            return Outcome.withError(NEXT_DROP, Error.REPLIES_RECEIVED);
        }
        if (target == null) {
            return Outcome.withError(NEXT_DROP, Error.L3_DST_ADDRESS_NOT_LOCAL);
        }
        if (!senderLocal) {
            return Outcome.withError(NEXT_DROP, Error.L3_SRC_ADDRESS_NOT_LOCAL);
        }
        s.neighbors.learn(rx, senderIp, senderMac);
        long ourMac = s.interfaces.macs()[rx];
        Arp.setOpcode(m, arp, Arp.OPCODE_REPLY);
        Arp.setTargetMac(m, arp, senderMac);
        Arp.setTargetIp(m, arp, senderIp);
        Arp.setSenderMac(m, arp, ourMac);
        Arp.setSenderIp(m, arp, targetIp);
        Ethernet.setDst(m, l2, senderMac);
        Ethernet.setSrc(m, l2, ourMac);
        // back to the Ethernet header, tags and all, which now leads the reply out
        buffers.advance(bi, -L2Header.length(buffers, bi));
        buffers.setTxSwIfIndex(bi, rx);
        return Outcome.withError(NEXT_OUTPUT, Error.REPLIES_SENT);
    }

    private static ArpTrace trace(Buffers buffers, int bi) {
        MemorySegment m = buffers.memory();
        long arp = buffers.dataOffset(bi);
        int length = buffers.currentLength(bi);
        if (length < Arp.LENGTH) {
            return new ArpTrace(length, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new ArpTrace(length, Arp.opcode(m, arp), Arp.hardwareType(m, arp), Arp.protocolType(m, arp),
                Arp.hardwareSize(m, arp), Arp.protocolSize(m, arp), Arp.senderMac(m, arp), Arp.senderIp(m, arp),
                Arp.targetMac(m, arp), Arp.targetIp(m, arp));
    }
}
