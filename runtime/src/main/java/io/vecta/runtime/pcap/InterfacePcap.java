package io.vecta.runtime.pcap;

import io.vecta.runtime.graph.Graph;

/**
 * The graph's switch for {@code pcap trace}: the capture that is on, if any, read once per frame
 * by the nodes that capture (the input nodes for rx, {@code interface-output} for tx,
 * {@code error-drop} for drop).
 */
public final class InterfacePcap {

    private volatile InterfacePcapTrace active;

    private InterfacePcap(Graph graph) {
    }

    /** The switch of {@code graph}. */
    public static InterfacePcap of(Graph graph) {
        return graph.service(InterfacePcap.class, InterfacePcap::new);
    }

    /** The capture that is on, or null. */
    public InterfacePcapTrace active() {
        return active;
    }

    /** Turns {@code trace} on; null turns capture off. */
    public void set(InterfacePcapTrace trace) {
        active = trace;
    }
}
