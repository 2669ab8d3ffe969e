package io.vecta.runtime.pg;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerFrame;
import io.vecta.sdk.buffer.BufferFlags;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.node.Frame;
import io.vecta.sdk.node.NodeContext;

/**
 * {@code pg-tx}: the pg interfaces' transmit node. Packets of an interface whose capture is on
 * are kept in it ({@link PgCapture}); then every packet is freed, as a real port frees what it
 * has sent. A traced packet gets a record naming the interface.
 */
@GraphNode(name = PgTx.NODE)
public final class PgTx {

    /** The node's name. */
    public static final String NODE = "pg-tx";

    private final Scratch scratch = new Scratch();

    /** A holder because node fields are final. */
    private static final class Scratch {
        PgInterfaces interfaces;
    }

    /** What a traced packet shows under {@code pg-tx}. */
    public record Trace(String interfaceName, int length) {
        /** VPP's pg output line: the interface and the frame's length. */
        public String format() {
            return interfaceName + " length " + length;
        }
    }

    @PerFrame
    void process(NodeContext ctx, Frame frame) {
        Scratch s = scratch;
        if (s.interfaces == null) {
            s.interfaces = PgInterfaces.of(((NodeRuntime) ctx).graph());
        }
        int[] bis = frame.buffers();
        int count = frame.count();
        Buffers buffers = ctx.buffers();
        if (frame.isTraced()) {
            for (int i = 0; i < count; i++) {
                int bi = bis[i];
                if ((buffers.flags(bi) & BufferFlags.IS_TRACED) != 0) {
                    ctx.addTrace(bi, new Trace(s.interfaces.nameOf(buffers.txSwIfIndex(bi)),
                            (int) buffers.lengthInChain(bi)));
                }
            }
        }
        PgCapture[] captures = s.interfaces.captures();
        if (captures.length != 0) {
            // runs of packets for one interface go to its capture under one lock
            int start = 0;
            while (start < count) {
                int sw = buffers.txSwIfIndex(bis[start]);
                int end = start + 1;
                while (end < count && buffers.txSwIfIndex(bis[end]) == sw) {
                    end++;
                }
                if (sw >= 0 && sw < captures.length && captures[sw] != null) {
                    captures[sw].add(buffers, bis, start, end);
                }
                start = end;
            }
        }
        ctx.allocator().free(bis, 0, count);
    }

}
