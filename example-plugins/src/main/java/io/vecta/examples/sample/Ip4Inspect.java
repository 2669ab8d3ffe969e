package io.vecta.examples.sample;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.Feature;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.annotation.Trace;
import io.vecta.sdk.buffer.UncheckedBuffers;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;
import io.vecta.sdk.packet.Ip4;

/**
 * {@code sample-ip4-inspect}: a feature of the {@code ip4-unicast} arc that counts each IPv4
 * packet of the interfaces it is enabled on, traces its header length and TTL, and passes it on
 * along the arc ({@link NodeContext#featureNext}). Turned on per interface with the plugin's
 * {@code sample inspect pg0} ({@link Ip4InspectCommand}) or the runtime's
 * {@code set interface feature pg0 sample-ip4-inspect arc ip4-unicast}.
 *
 * <p>The trace reads the header through {@link UncheckedBuffers}: the buffer is the packet's,
 * and ip4-input has checked the header in front of the arc.
 */
@GraphNode(name = Ip4Inspect.NODE, errors = Ip4Inspect.Error.class)
@Feature(arc = Ip4Inspect.ARC)
public final class Ip4Inspect {

    /** The node's name. */
    static final String NODE = "sample-ip4-inspect";
    /** The arc it is a feature of. */
    static final String ARC = "ip4-unicast";

    /** What the node counts; informational, not drops. */
    enum Error {
        @ErrorCounter(description = "ip4 packets inspected", severity = Severity.INFO)
        INSPECTED
    }

    /**
     * What {@code show trace} prints for a traced packet.
     *
     * @param headerLength the IPv4 header's length in bytes
     * @param ttl          its TTL
     * @param next         the next index the arc gave
     */
    record InspectTrace(int headerLength, int ttl, int next) {
        /** One line, in the style of VPP's trace format functions. */
        public String format() {
            return "sample-ip4-inspect: header " + headerLength + " bytes, ttl " + ttl + ", next " + next;
        }
    }

    @PerPacket
    int process(NodeContext ctx, int bi) {
        return Outcome.withError(ctx.featureNext(bi), Error.INSPECTED);
    }

    @Trace
    InspectTrace trace(NodeContext ctx, int bi, int next) {
        long ip = UncheckedBuffers.currentAddress(UncheckedBuffers.address(ctx.buffers().baseAddress(), bi));
        return new InspectTrace((UncheckedBuffers.getU8(ip) & 0xf) << 2, UncheckedBuffers.getU8(ip + Ip4.TTL_OFFSET),
                next);
    }
}
