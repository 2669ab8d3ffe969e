package io.vecta.runtime.ethernet;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.interfaces.InterfaceCounters;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.packet.DecodedPacket;
import io.vecta.sdk.packet.Ethernet;
import io.vecta.sdk.packet.VppHeaderFormat;
import io.vecta.sdk.packet.Vlan;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * {@code ethernet-input}: reads each frame's Ethernet header and up to two VLAN tags, gives a
 * tagged frame to the sub-interface of its VLAN (counted as received there), checks that a
 * unicast frame is addressed to the interface, moves the buffer's current data to the L3 header (remembering the L2 header in
 * {@link L2Header}) and sends it on by EtherType: IPv4 to {@code ip4-input}, IPv6 to
 * {@code ip6-input}, ARP to {@code arp-input}. The error names are VPP's.
 *
 * <pre>
 *   untagged                       → rx interface as received
 *   802.1Q tag V (one tag)         → the sub-interface of V on the rx interface
 *   802.1Q tag V + inner tag       → that sub-interface only if it is not exact-match
 *   802.1ad outer tag, no such sub → "unknown vlan"
 * </pre>
 *
 * <p>A frame of an interface in L2 mode ({@link InterfaceTable#l2Modes()}: a bridge or
 * cross-connect member) goes whole to {@code l2-input}, its current data left at the Ethernet
 * header. Every other interface is an L3 interface, so a unicast frame for another MAC address is
 * dropped ("l3 mac mismatch"); a frame of an EtherType with no next node is punted ("unknown
 * ethernet type"), as VPP punts it. Per frame the node reads the interface table's published
 * arrays once; per packet it allocates nothing. A frame whose packets all came in on one L3
 * interface as untagged IPv4 for it (or for a group) is checked first with reads only, then
 * advanced and sent whole to {@code ip4-input}; any other frame is classified packet by packet.
 */
@GraphNode(name = EthernetInput.NODE, errors = EthernetInput.Error.class)
public final class EthernetInput {

    /** The node's name. */
    public static final String NODE = "ethernet-input";

    enum Error {
        @ErrorCounter(description = "unknown ethernet type", severity = Severity.ERROR)
        UNKNOWN_TYPE,
        @ErrorCounter(description = "unknown vlan", severity = Severity.ERROR)
        UNKNOWN_VLAN,
        @ErrorCounter(description = "l3 mac mismatch", severity = Severity.ERROR)
        L3_MAC_MISMATCH,
        @ErrorCounter(description = "subinterface down", severity = Severity.ERROR)
        DOWN,
        @ErrorCounter(description = "ethernet header truncated", severity = Severity.ERROR)
        TRUNCATED
    }

    @Next("ip4-input")
    static final int NEXT_IP4 = 0;
    @Next("ip6-input")
    static final int NEXT_IP6 = 1;
    @Next("arp-input")
    static final int NEXT_ARP = 2;
    @Next("error-drop")
    static final int NEXT_DROP = 3;
    @Next("error-punt")
    static final int NEXT_PUNT = 4;
    @Next("l2-input")
    static final int NEXT_L2 = 5;

    /** The most tags a frame may carry: an 802.1ad outer tag and an 802.1Q inner one. */
    private static final int MAX_TAGS = 2;

    /** Bit 40 of a MAC address in a long: the I/G bit of its first byte, set for group addresses. */
    private static final long GROUP_BIT = 0x0100_0000_0000L;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        InterfaceTable table;
        InterfaceCounters.ThreadCounters counters;
    }

    /**
     * What a traced packet shows under {@code ethernet-input}: its L2 header as VPP prints it,
     * {@code IP4: 02:fe:00:00:00:aa -> 02:fe:00:00:00:01 802.1q vlan 100}.
     *
     * @param header the L2 header's bytes
     */
    public record Trace(byte[] header) {
        /** The header in VPP's words. */
        public String format() {
            String text = VppHeaderFormat.format(DecodedPacket.decode(header)).text();
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.table == null) {
            s.table = InterfaceTable.of(((NodeRuntime) ctx).graph());
            s.counters = s.table.counters().forThread(ctx.threadIndex());
        }
        long[] macs = s.table.macs();
        int[][] vlanSubs = s.table.vlanSubInterfaces();
        int[] txNexts = s.table.txNexts();
        byte[] l2Modes = s.table.l2Modes();
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int[] errors = s.errors;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        MemorySegment m = buffers.memory();
        long base = buffers.baseAddress();
        if (count > 0 && advancedIfAllIp4ForUs(base, bis, count, macs, l2Modes)) {
            // the common frame: one L3 interface, untagged IPv4 addressed to it; nothing to count
            traceAll(ctx, buffers, frame, bis, count);
            ctx.enqueueToSingleNext(bis, NEXT_IP4, count);
            return;
        }
        if (count > 0 && allUntaggedOnOneL2Port(base, bis, count, macs, l2Modes)) {
            // the common bridged frame: one bridge or cross-connect port, no tags; goes on as it came
            for (int i = 0; i < count; i++) {
                long b = UncheckedBuffers.address(base, bis[i]);
                UncheckedBuffers.setOpaque(b, L2Header.OPAQUE_WORD,
                        L2Header.word(UncheckedBuffers.currentData(b), Ethernet.HEADER_LENGTH));
            }
            traceAll(ctx, buffers, frame, bis, count);
            ctx.enqueueToSingleNext(bis, NEXT_L2, count);
            return;
        }
        boolean anyError = false;
        for (int i = 0; i < count; i++) {
            int bi = bis[i];
            int next = classify(buffers, m, bi, macs, vlanSubs, txNexts, l2Modes, s.counters);
            if (next < 0) {
                // no L2 header moved past: the frame stays as it came, and its trace reads it there
                L2Header.set(buffers, bi, buffers.currentData(bi), 0);
                int code = -1 - next;
                errors[code]++;
                anyError = true;
                ctx.noteCountedError(bi, code);
                next = code == Error.UNKNOWN_TYPE.ordinal() ? NEXT_PUNT : NEXT_DROP;
            }
            nexts[i] = next;
        }
        traceAll(ctx, buffers, frame, bis, count);
        if (anyError) {
            ctx.addErrors(errors, 0);
            Arrays.fill(errors, 0);
        }
        ctx.enqueueToNext(bis, nexts, count);
    }

    /**
     * Whether every packet of the frame came in on the first packet's interface, an L3 one, as
     * an untagged IPv4 frame of at least a full Ethernet header addressed to that interface or to
     * a group; if so, each has its L2 header recorded and is advanced past it, in the same walk.
     * A frame that is not wholly so is put back as it came (advanced packets moved back), to be
     * classified packet by packet.
     */
    private static boolean advancedIfAllIp4ForUs(long base, int[] bis, int count, long[] macs, byte[] l2Modes) {
        int rx = UncheckedBuffers.rxSwIfIndex(UncheckedBuffers.address(base, bis[0]));
        if (rx < 0 || rx >= macs.length || (rx < l2Modes.length && l2Modes[rx] == InterfaceTable.L2)) {
            return false;
        }
        long mac = macs[rx];
        for (int i = 0; i < count; i++) {
            long b = UncheckedBuffers.address(base, bis[i]);
            long start = UncheckedBuffers.currentAddress(b);
            long dst = UncheckedBuffers.getU64(start) >>> 16;
            boolean good = UncheckedBuffers.rxSwIfIndex(b) == rx
                    & UncheckedBuffers.currentLength(b) >= Ethernet.HEADER_LENGTH
                    & UncheckedBuffers.getU16(start + Ethernet.ETHER_TYPE_OFFSET) == Ethernet.ETHER_TYPE_IP4
                    & ((dst & GROUP_BIT) != 0 | dst == mac);
            if (!good) {
                for (int j = 0; j < i; j++) {
                    UncheckedBuffers.advance(UncheckedBuffers.address(base, bis[j]), -Ethernet.HEADER_LENGTH);
                }
                return false;
            }
            UncheckedBuffers.setOpaque(b, L2Header.OPAQUE_WORD,
                    L2Header.word(UncheckedBuffers.currentData(b), Ethernet.HEADER_LENGTH));
            UncheckedBuffers.advance(b, Ethernet.HEADER_LENGTH);
        }
        return true;
    }

    /**
     * Whether every packet of the frame came in on the first packet's interface, a bridge or
     * cross-connect port, as an untagged frame of at least a full Ethernet header: reads only.
     */
    private static boolean allUntaggedOnOneL2Port(long base, int[] bis, int count, long[] macs, byte[] l2Modes) {
        int rx = UncheckedBuffers.rxSwIfIndex(UncheckedBuffers.address(base, bis[0]));
        if (rx < 0 || rx >= macs.length || rx >= l2Modes.length || l2Modes[rx] != InterfaceTable.L2) {
            return false;
        }
        boolean all = true;
        for (int i = 0; i < count; i++) {
            long b = UncheckedBuffers.address(base, bis[i]);
            int type = UncheckedBuffers.getU16(UncheckedBuffers.currentAddress(b) + Ethernet.ETHER_TYPE_OFFSET);
            all &= UncheckedBuffers.rxSwIfIndex(b) == rx
                    & UncheckedBuffers.currentLength(b) >= Ethernet.HEADER_LENGTH
                    & type != Ethernet.ETHER_TYPE_VLAN & type != Ethernet.ETHER_TYPE_QINQ;
        }
        return all;
    }

    private static void traceAll(NodeContext ctx, Buffers buffers, Frame frame, int[] bis, int count) {
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    ctx.addTrace(bi, trace(buffers, bi));
                }
            }
        }
    }

    /**
     * The next index of {@code bi}, its rx interface and current data set for L3; or
     * {@code -1 - error} for a frame to drop or punt, left as it came.
     */
    private static int classify(Buffers buffers, MemorySegment m, int bi, long[] macs, int[][] vlanSubs,
                                int[] txNexts, byte[] l2Modes, InterfaceCounters.ThreadCounters counters) {
        int length = buffers.currentLength(bi);
        if (length < Ethernet.HEADER_LENGTH) {
            return -1 - Error.TRUNCATED.ordinal();
        }
        long start = buffers.dataOffset(bi);
        int rx = buffers.rxSwIfIndex(bi);
        if (rx < 0 || rx >= macs.length) {
            return -1 - Error.UNKNOWN_VLAN.ordinal();
        }
        int type = Ethernet.etherType(m, start);
        int l2Length = Ethernet.HEADER_LENGTH;
        if (Vlan.isTagType(type)) {
            int outerType = type;
            int tags = 0;
            int outerVid = 0;
            while (Vlan.isTagType(type) && tags < MAX_TAGS) {
                if (length < l2Length + Vlan.TAG_LENGTH) {
                    return -1 - Error.TRUNCATED.ordinal();
                }
                if (tags == 0) {
                    outerVid = Vlan.vid(m, start + l2Length);
                }
                type = Vlan.etherType(m, start + l2Length);
                l2Length += Vlan.TAG_LENGTH;
                tags++;
            }
            int[] subs = rx < vlanSubs.length ? vlanSubs[rx] : null;
            int entry = subs == null || outerType != Ethernet.ETHER_TYPE_VLAN ? InterfaceTable.NO_SUB_INTERFACE
                    : subs[outerVid];
            if (entry == InterfaceTable.NO_SUB_INTERFACE) {
                return -1 - Error.UNKNOWN_VLAN.ordinal();
            }
            int sub;
            if (entry < InterfaceTable.NO_SUB_INTERFACE) {
                sub = -2 - entry;
                if (tags != 1) {
                    return -1 - Error.UNKNOWN_VLAN.ordinal();
                }
            } else {
                sub = entry;
            }
            if (txNexts[sub] == InterfaceTable.NOT_UP) {
                return -1 - Error.DOWN.ordinal();
            }
            rx = sub;
            buffers.setRxSwIfIndex(bi, sub);
            // the port counted the frame as it came in; the sub-interface counts what it takes
            counters.addRx(sub, 1, length);
        }
        if (rx < l2Modes.length && l2Modes[rx] == InterfaceTable.L2) {
            // a bridge or cross-connect port: the whole frame, tags included, goes on as it came
            L2Header.set(buffers, bi, buffers.currentData(bi), l2Length);
            return NEXT_L2;
        }
        long dst = Ethernet.dst(m, start);
        if ((dst & GROUP_BIT) == 0 && dst != macs[rx]) {
            return -1 - Error.L3_MAC_MISMATCH.ordinal();
        }
        int next;
        switch (type) {
            case Ethernet.ETHER_TYPE_IP4 -> next = NEXT_IP4;
            case Ethernet.ETHER_TYPE_IP6 -> next = NEXT_IP6;
            case Ethernet.ETHER_TYPE_ARP -> next = NEXT_ARP;
            default -> {
                return -1 - Error.UNKNOWN_TYPE.ordinal();
            }
        }
        L2Header.set(buffers, bi, buffers.currentData(bi), l2Length);
        buffers.advance(bi, l2Length);
        return next;
    }

    private static Trace trace(Buffers buffers, int bi) {
        // a frame that went on was advanced past its L2 header; one dropped was left where it was
        boolean advanced = L2Header.length(buffers, bi) != 0;
        long start = advanced ? L2Header.start(buffers, bi) : buffers.dataOffset(bi);
        int available = advanced ? L2Header.length(buffers, bi) + buffers.currentLength(bi)
                : buffers.currentLength(bi);
        int length = Math.min(available, Ethernet.HEADER_LENGTH + MAX_TAGS * Vlan.TAG_LENGTH);
        byte[] header = new byte[length];
        MemorySegment.copy(buffers.memory(), ValueLayout.JAVA_BYTE, start, header, 0, length);
        return new Trace(header);
    }
}
