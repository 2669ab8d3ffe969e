package io.vecta.examples.sample;

import io.vecta.sdk.annotation.CliCommand;
import io.vecta.sdk.cli.CliContext;
import io.vecta.sdk.cli.CliException;
import io.vecta.sdk.cli.CliInput;
import io.vecta.sdk.cli.CliOutput;
import io.vecta.sdk.node.InterfaceFeatures;

/**
 * {@code sample inspect <interface> [disable]}: the plugin's own switch for its feature
 * {@link Ip4Inspect}, as VPP plugins offer {@code <plugin> enable-disable <interface>}; the same
 * as {@code set interface feature <interface> sample-ip4-inspect arc ip4-unicast [disable]}.
 */
public final class Ip4InspectCommand {

    private Ip4InspectCommand() {
    }

    /** Turns the inspector on, or off with {@code disable}, for one interface. */
    @CliCommand(path = "sample inspect", shortHelp = "sample inspect <interface> [disable]",
            longHelp = "Turns sample-ip4-inspect on for the interface's IPv4 packets (arc ip4-unicast), or off"
                    + " with disable. Its counts are in show errors, its records in show trace.")
    public static void inspect(CliContext ctx, CliInput in, CliOutput out) {
        String iface = in.interfaceName("interface");
        boolean enable = !in.keyword("disable");
        in.expectEnd();
        InterfaceFeatures features = ctx.service(InterfaceFeatures.class)
                .orElseThrow(() -> new CliException("this runtime runs no feature arcs"));
        try {
            features.enableDisable(Ip4Inspect.ARC, Ip4Inspect.NODE, iface, enable);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
