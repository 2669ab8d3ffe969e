package io.vecta.testkit.l2feat;

import io.vecta.sdk.annotation.ErrorCounter;
import io.vecta.sdk.annotation.Feature;
import io.vecta.sdk.annotation.GraphNode;
import io.vecta.sdk.annotation.PerPacket;
import io.vecta.sdk.annotation.Severity;
import io.vecta.sdk.node.NodeContext;
import io.vecta.sdk.node.Outcome;

/** {@code test-l2-input-count}: an L2 input feature that counts the packets it sees and passes them on. */
@GraphNode(name = "test-l2-input-count", errors = L2InputCount.Error.class)
@Feature(arc = "l2-input-feat")
public final class L2InputCount {

    enum Error {
        @ErrorCounter(description = "packets seen", severity = Severity.INFO)
        SEEN
    }

    /** Counts each packet and passes it on along its interface's features. */
    @PerPacket
    int process(NodeContext ctx, int bi) {
        return Outcome.withError(ctx.featureNext(bi), Error.SEEN);
    }
}
