package io.vecta.runtime.cli.commands;

import io.vecta.runtime.graph.FeatureArcs;
import io.vecta.runtime.graph.GraphException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import java.util.List;

/**
 * VPP's feature commands: a feature of an arc turned on or off for one interface, and the
 * features an interface has. Run, like every CLI line, with the workers stopped, so that the
 * arc's chains change between two frames.
 */
public final class FeatureCommands {

    private FeatureCommands() {
    }

    /** {@code set interface feature <interface> <feature> arc <arc> [disable]}. */
    @CliCommand(path = "set interface feature",
            shortHelp = "set interface feature <intfc> <feature_name> arc <arc_name> [disable]",
            longHelp = "Turns a feature (a node on a feature arc) on for an interface, or off with disable;"
                    + " e.g. an L2 feature on arc l2-input-feat (by rx interface) or l2-output-feat (by tx).")
    public static void setFeature(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = InterfaceCommands.table(ctx);
        SwInterface iface = InterfaceCommands.lookUp(table, in.interfaceName("interface"));
        String feature = in.word("feature_name");
        if (!in.keyword("arc")) {
            throw new CliException("expected 'arc <arc_name>' after the feature name");
        }
        String arc = in.word("arc_name");
        boolean disable = in.keyword("disable");
        in.expectEnd();
        try {
            arcs(ctx).enableDisable(arc, feature, iface.swIfIndex(), !disable);
        } catch (GraphException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code show interface features <interface>}. */
    @CliCommand(path = "show interface features", shortHelp = "show interface features <intfc>",
            longHelp = "The features enabled on an interface, arc by arc, in the order they run.")
    public static void showFeatures(CliContext ctx, CliInput in, CliOutput out) {
        InterfaceTable table = InterfaceCommands.table(ctx);
        SwInterface iface = InterfaceCommands.lookUp(table, in.interfaceName("interface"));
        in.expectEnd();
        FeatureArcs arcs = arcs(ctx);
        out.println("Feature paths configured on " + iface.name() + "...");
        for (String arc : arcs.names()) {
            out.println();
            out.println(arc + ":");
            List<String> enabled = arcs.enabled(arc, iface.swIfIndex());
            if (enabled.isEmpty()) {
                out.println("  none configured");
            }
            for (String feature : enabled) {
                out.println("  " + feature);
            }
        }
    }

    private static FeatureArcs arcs(CliContext ctx) {
        return RunningRuntime.of(ctx).graph().featureArcs();
    }
}
