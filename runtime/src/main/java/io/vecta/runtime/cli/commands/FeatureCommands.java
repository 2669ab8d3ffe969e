package io.vecta.runtime.cli.commands;

import io.vecta.runtime.graph.FeatureArcs;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.show.ShowInterfaceFeatures;
import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.node.InterfaceFeatures;

/**
 * The feature arc commands, with VPP's names and syntax: {@code set interface feature} turns a
 * feature of an arc on or off for one interface, {@code show interface features} lists what
 * runs on an interface, arc by arc.
 */
public final class FeatureCommands {

    private FeatureCommands() {
    }

    /** {@code set interface feature IF NAME arc ARC [disable]}. */
    @CliCommand(path = "set interface feature",
            shortHelp = "set interface feature <interface> <feature-name> arc <arc-name> [disable]",
            longHelp = "Turns feature <feature-name> of feature arc <arc-name> on for the interface, or off with"
                    + " disable. Enabled features run in the arc's declared order, whatever the order they were"
                    + " enabled in; show interface features lists them.")
    public static void set(CliContext ctx, CliInput in, CliOutput out) {
        String iface = in.interfaceName("interface");
        String feature = in.word("feature-name");
        if (!in.keyword("arc")) {
            throw new CliException("expected 'arc <arc-name>' after the feature name");
        }
        String arc = in.word("arc-name");
        boolean enable = !in.keyword("disable");
        in.expectEnd();
        try {
            ctx.service(InterfaceFeatures.class).orElseThrow(() -> new CliException("this runtime runs no feature arcs"))
                    .enableDisable(arc, feature, iface, enable);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** {@code show interface features IF [verbose]}. */
    @CliCommand(path = "show interface features", shortHelp = "show interface features <interface> [verbose]",
            longHelp = "For each feature arc, the features enabled on the interface in the order packets pass"
                    + " them, or 'none configured'. With verbose, each feature's index in its arc and the node"
                    + " the arc ends in.")
    public static void show(CliContext ctx, CliInput in, CliOutput out) {
        SwInterface iface = InterfaceCommands.lookUp(InterfaceCommands.table(ctx), in.interfaceName("interface"));
        boolean verbose = in.keyword("verbose");
        in.expectEnd();
        out.print(ShowInterfaceFeatures.format(arcs(ctx), iface, verbose));
    }

    private static FeatureArcs arcs(CliContext ctx) {
        return RunningRuntime.of(ctx).graph().featureArcs();
    }
}
