package io.vecta.runtime.ethernet;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.Next;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;

/**
 * {@code ip6-input}: the runtime does not handle IPv6, so every packet is dropped and counted
 * as "ip6 not supported" rather than vanishing or being punted as an unknown EtherType.
 */
@GraphNode(name = "ip6-input", errors = Ip6InputDrop.Error.class)
public final class Ip6InputDrop {

    enum Error {
        @ErrorCounter(description = "ip6 not supported", severity = Severity.ERROR)
        NOT_SUPPORTED
    }

    @Next("error-drop")
    static final int NEXT_DROP = 0;

    @PerPacket
    int process(NodeContext ctx, int bi) {
        return Outcome.withError(NEXT_DROP, Error.NOT_SUPPORTED);
    }
}
