package io.vecta.runtime.ethernet;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;

/**
 * {@code ip4-input} until the runtime forwards IPv4: every packet is dropped and counted as
 * "ip4 forwarding not available", so that {@code ethernet-input}'s IPv4 arc ends somewhere
 * honest and {@code show errors} says where the packets went. The IPv4 path replaces this node
 * with the real {@code ip4-input} of the same name.
 */
@GraphNode(name = "ip4-input", errors = Ip4InputDrop.Error.class)
public final class Ip4InputDrop {

    enum Error {
        @ErrorCounter(description = "ip4 forwarding not available", severity = Severity.ERROR)
        NOT_AVAILABLE
    }

    @Next("error-drop")
    static final int NEXT_DROP = 0;

    @PerPacket
    int process(NodeContext ctx, int bi) {
        return Outcome.withError(NEXT_DROP, Error.NOT_AVAILABLE);
    }
}
