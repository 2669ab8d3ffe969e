package io.vecta.runtime.show;

import io.vecta.runtime.graph.FeatureArcs;
import io.vecta.runtime.interfaces.SwInterface;
import java.util.List;

/**
 * {@code show interface features IF [verbose]} in VPP's layout: each arc, then the features
 * enabled on the interface in the order they run, or {@code none configured}.
 *
 * <pre>
 * Feature paths configured on pg0...
 *
 * ip4-unicast:
 *   test-unicast-a
 *
 * ip4-output:
 *   none configured
 * </pre>
 *
 * With verbose each feature carries its index in the arc ({@code [ 0] test-unicast-a}) and a last
 * line names the node the arc ends in ({@code [end] ip4-lookup}).
 */
public final class ShowInterfaceFeatures {

    private ShowInterfaceFeatures() {
    }

    /** The features of {@code iface}, arc by arc. */
    public static String format(FeatureArcs arcs, SwInterface iface, boolean verbose) {
        StringBuilder text = new StringBuilder("Feature paths configured on ").append(iface.name()).append("...\n");
        for (String arc : arcs.arcNames()) {
            text.append('\n').append(arc).append(":\n");
            List<String> enabled = arcs.enabled(arc, iface.swIfIndex());
            if (enabled.isEmpty()) {
                text.append("  none configured\n");
                continue;
            }
            List<String> all = arcs.features(arc);
            for (String feature : enabled) {
                text.append("  ");
                if (verbose) {
                    text.append(String.format("[%2d] ", all.indexOf(feature)));
                }
                text.append(feature).append('\n');
            }
            if (verbose) {
                text.append("  [end] ").append(arcs.lastNode(arc)).append('\n');
            }
        }
        return text.toString();
    }
}
