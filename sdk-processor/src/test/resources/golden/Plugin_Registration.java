package com.acme;

import com.acme.cli.AcmeCommands;
import io.vecta.sdk.cli.CommandDescriptor;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registers plugin {@code "acme"} for {@link java.util.ServiceLoader}.
 */
@Generated(
        value = "io.vecta.sdk.processor.NodeProcessor",
        comments = "origin: com.acme"
)
public final class Plugin_Registration implements PluginRegistration {
    /**
     * Whether the command and handler objects below exist; one object per class, shared.
     */
    private boolean objectsCreated;

    private AcmeCommands acmeCommands;

    private AcmeCommands.Limits limits;

    /**
     * Created on the first call of {@link #commands()}.
     */
    private List<CommandDescriptor> commands;

    @Override
    public String name() {
        return "acme";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "";
    }

    @Override
    public boolean enabledByDefault() {
        return true;
    }

    @Override
    public SdkVersion sdkVersion() {
        return new SdkVersion(0, 1, 0);
    }

    @Override
    public List<NodeDescriptor> nodes() {
        return List.of();
    }

    @Override
    public List<FeatureArcDescriptor> featureArcs() {
        return List.of();
    }

    @Override
    public List<FeatureDescriptor> features() {
        return List.of();
    }

    /**
     * Creates the objects on first use, after the runtime has checked the SDK version.
     */
    private void createObjects() {
        if (!objectsCreated) {
            acmeCommands = new AcmeCommands();
            limits = new AcmeCommands.Limits();
            objectsCreated = true;
        }
    }

    @Override
    public synchronized List<CommandDescriptor> commands() {
        if (commands == null) {
            createObjects();
            commands = List.of(
                    new CommandDescriptor("acme fail", "acme fail",
                            "",
                            (ctx, in, out) -> AcmeCommands.fail(in, out)),
                    new CommandDescriptor("clear acme", "clear acme",
                            "",
                            (ctx, in, out) -> acmeCommands.clear(in, out)),
                    new CommandDescriptor("set acme limit", "set acme limit <n>",
                            "",
                            (ctx, in, out) -> limits.set(ctx, in, out)),
                    new CommandDescriptor("show acme", "show acme [verbose]",
                            "Shows the acme table; verbose adds every entry.",
                            (ctx, in, out) -> acmeCommands.show(ctx, in, out)));
        }
        return commands;
    }
}
