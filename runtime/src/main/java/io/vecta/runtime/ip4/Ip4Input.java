package io.vecta.runtime.ip4;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.graph.FeatureArcEntry;
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
import io.vecta.sdk.packet.Icmp;
import io.vecta.sdk.packet.Ip4;
import java.util.Arrays;

/**
 * {@code ip4-input}: checks each IPv4 header before anything trusts it, as VPP's
 * {@code ip4-input} does, and sends the good ones to {@code ip4-lookup}. Every drop is counted
 * under VPP's reason; a packet that arrives with TTL 0 goes to {@code ip4-icmp-error} for a
 * time exceeded message. A packet longer than its IPv4 length (Ethernet padding) is cut to it,
 * so the nodes after see only the datagram.
 *
 * <p>The checks, in VPP's order of precedence (the last one that fails names the drop):
 * <pre>
 *   buffer &lt; 20 bytes, or total length &lt; 20   "ip4 length &lt; 20 bytes"
 *   version != 4                               "ip4 version != 4"
 *   IHL &lt; 5                                    "ip4 IHL &lt; 5"
 *   header checksum wrong                      "bad ip4 checksum"
 *   total length &gt; bytes in the buffer        "ip4 length &gt; l2 length"
 *   fragment offset of 1 (8 bytes)             "ip4 fragment offset == 1"
 *   TTL 0                                      "ip4 ttl &lt;= 1" (an ICMP error is sent)
 * </pre>
 * The checksum is summed over the header as five (or more, with options) 32-bit words; the
 * node allocates nothing per packet.
 *
 * <p>The node starts the {@code ip4-unicast} feature arc: while an interface has a feature of it
 * enabled, good packets go to their rx interface's first feature instead of straight to
 * {@code ip4-lookup}; while none has, the frame takes the plain path.
 */
@GraphNode(name = Ip4Input.NODE, errors = Ip4Input.Error.class)
public final class Ip4Input {

    /** The node's name. */
    public static final String NODE = "ip4-input";
    /** The feature arc the node starts, ending in {@code ip4-lookup}. */
    public static final String UNICAST_ARC = "ip4-unicast";

    enum Error {
        @ErrorCounter(description = "ip4 length < 20 bytes", severity = Severity.ERROR)
        TOO_SHORT,
        @ErrorCounter(description = "ip4 length > l2 length", severity = Severity.ERROR)
        BAD_LENGTH,
        @ErrorCounter(description = "bad ip4 checksum", severity = Severity.ERROR)
        BAD_CHECKSUM,
        @ErrorCounter(description = "ip4 version != 4", severity = Severity.ERROR)
        VERSION,
        @ErrorCounter(description = "ip4 fragment offset == 1", severity = Severity.ERROR)
        FRAGMENT_OFFSET_ONE,
        @ErrorCounter(description = "ip4 ttl <= 1", severity = Severity.ERROR)
        TIME_EXPIRED,
        @ErrorCounter(description = "ip4 IHL < 5", severity = Severity.ERROR)
        HDR_TOO_SHORT
    }

    @Next("ip4-lookup")
    static final int NEXT_LOOKUP = 0;
    @Next("error-drop")
    static final int NEXT_DROP = 1;
    @Next(Ip4IcmpError.NODE)
    static final int NEXT_ICMP_ERROR = 2;

    private final Scratch scratch = new Scratch();

    /** Per-thread working state; a holder because node fields are final. */
    private static final class Scratch {
        final int[] nexts = new int[Frame.CAPACITY];
        final int[] errors = new int[Error.values().length];
        FeatureArcEntry unicast;
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        int[] bis = frame.buffers();
        int[] nexts = s.nexts;
        int[] errors = s.errors;
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        long base = buffers.baseAddress();
        boolean allGood = true;
        for (int i = 0; i < count; i++) {
            boolean good = plainAndGood(UncheckedBuffers.address(base, bis[i]));
            nexts[i] = good ? NEXT_LOOKUP : -1;
            allGood &= good;
        }
        boolean anyError = false;
        if (!allGood) {
            // the packets the plain check did not pass: options, or an error to name and count
            for (int i = 0; i < count; i++) {
                if (nexts[i] >= 0) {
                    continue;
                }
                int bi = bis[i];
                int error = check(UncheckedBuffers.address(base, bi));
                int next = NEXT_LOOKUP;
                if (error >= 0) {
                    errors[error]++;
                    anyError = true;
                    ctx.noteCountedError(bi, error);
                    if (error == Error.TIME_EXPIRED.ordinal()) {
                        Ip4BufferFields.setIcmpError(buffers, bi, Icmp.TYPE_TIME_EXCEEDED, 0, 0);
                        next = NEXT_ICMP_ERROR;
                    } else {
                        next = NEXT_DROP;
                    }
                }
                nexts[i] = next;
            }
        }
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    ctx.addTrace(bi, Ip4HeaderTrace.of("", buffers, bi));
                }
            }
        }
        FeatureArcEntry unicast = s.unicast;
        if (unicast == null) {
            unicast = FeatureArcEntry.of(((NodeRuntime) ctx).graph(), UNICAST_ARC, ctx.nodeIndex());
            s.unicast = unicast;
        }
        boolean features = unicast.active();
        if (features) {
            unicast.enter(buffers, bis, nexts, count, NEXT_LOOKUP);
        }
        if (anyError) {
            ctx.addErrors(errors, 0);
            Arrays.fill(errors, 0);
        }
        if (anyError || features) {
            ctx.enqueueToNext(bis, nexts, count);
        } else {
            ctx.enqueueToSingleNext(bis, NEXT_LOOKUP, count);
        }
    }

    /**
     * Whether the buffer at {@code b} holds the usual packet: a 20-byte header without options,
     * its checksum, lengths, fragment offset and TTL good; then cut to its total length and
     * cleared of the locally-made flag, as {@link #check} would. Checks without branches, so
     * that a frame of good packets runs straight through; any other packet goes to {@link #check}.
     */
    private static boolean plainAndGood(long b) {
        int length = UncheckedBuffers.currentLength(b);
        long ip = UncheckedBuffers.currentAddress(b);
        int word0 = UncheckedBuffers.getU32(ip);
        int word1 = UncheckedBuffers.getU32(ip + 4);
        int word2 = UncheckedBuffers.getU32(ip + 8);
        long sum = Integer.toUnsignedLong(word0) + Integer.toUnsignedLong(word1) + Integer.toUnsignedLong(word2)
                + Integer.toUnsignedLong(UncheckedBuffers.getU32(ip + 12))
                + Integer.toUnsignedLong(UncheckedBuffers.getU32(ip + 16));
        int totalLength = word0 & 0xffff;
        boolean good = (word0 >>> 24) == 0x45 & length >= Ip4.MIN_HEADER_LENGTH
                & totalLength >= Ip4.MIN_HEADER_LENGTH & totalLength <= length
                & (word1 & Ip4.FRAGMENT_OFFSET_MASK) != 1 & (word2 >>> 24) != 0 & checksumValid(sum);
        if (good) {
            UncheckedBuffers.setFlags(b, UncheckedBuffers.flags(b) & ~Ip4BufferFields.LOCALLY_ORIGINATED);
            if (totalLength < length) {
                UncheckedBuffers.setCurrentLength(b, totalLength);
            }
        }
        return good;
    }

    /** The error of the header of the buffer at {@code b}, or -1 when it is good (and then cut to its length). */
    private static int check(long b) {
        int length = UncheckedBuffers.currentLength(b);
        if (length < Ip4.MIN_HEADER_LENGTH) {
            return Error.TOO_SHORT.ordinal();
        }
        int flags = UncheckedBuffers.flags(b);
        if ((flags & Ip4BufferFields.LOCALLY_ORIGINATED) != 0) {
            UncheckedBuffers.setFlags(b, flags & ~Ip4BufferFields.LOCALLY_ORIGINATED);
        }
        long ip = UncheckedBuffers.currentAddress(b);
        int word0 = UncheckedBuffers.getU32(ip);
        int word1 = UncheckedBuffers.getU32(ip + 4);
        int word2 = UncheckedBuffers.getU32(ip + 8);
        int versionIhl = word0 >>> 24;
        int totalLength = word0 & 0xffff;
        int headerLength = (versionIhl & 0xf) << 2;
        long sum;
        if (versionIhl == 0x45) {
            // the usual header: no options, five words
            sum = Integer.toUnsignedLong(word0) + Integer.toUnsignedLong(word1) + Integer.toUnsignedLong(word2)
                    + Integer.toUnsignedLong(UncheckedBuffers.getU32(ip + 12))
                    + Integer.toUnsignedLong(UncheckedBuffers.getU32(ip + 16));
        } else {
            if ((versionIhl >>> 4) != Ip4.VERSION) {
                return Error.VERSION.ordinal();
            }
            if (headerLength < Ip4.MIN_HEADER_LENGTH) {
                return Error.HDR_TOO_SHORT.ordinal();
            }
            if (headerLength > length) {
                return Error.BAD_LENGTH.ordinal();
            }
            sum = 0;
            for (int at = 0; at < headerLength; at += 4) {
                sum += Integer.toUnsignedLong(UncheckedBuffers.getU32(ip + at));
            }
        }
        int error = lengthError(totalLength, length, checksumValid(sum) ? -1 : Error.BAD_CHECKSUM.ordinal());
        if ((word1 & Ip4.FRAGMENT_OFFSET_MASK) == 1) {
            error = Error.FRAGMENT_OFFSET_ONE.ordinal();
        }
        if (error < 0 && (word2 >>> 24) == 0) {
            error = Error.TIME_EXPIRED.ordinal();
        }
        if (error < 0 && totalLength < length) {
            UncheckedBuffers.setCurrentLength(b, totalLength);
        }
        return error;
    }

    /** The length error of a header whose total length is {@code totalLength}, or {@code otherwise}. */
    private static int lengthError(int totalLength, int length, int otherwise) {
        if (totalLength < Ip4.MIN_HEADER_LENGTH) {
            return Error.TOO_SHORT.ordinal();
        }
        if (totalLength > length) {
            return Error.BAD_LENGTH.ordinal();
        }
        return otherwise;
    }

    /** Whether a sum of the header's 32-bit words folds to 0xffff, the one's-complement sum of a good header. */
    private static boolean checksumValid(long sum) {
        sum = (sum & 0xffffffffL) + (sum >>> 32);
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        return sum == 0xffff;
    }
}
