package com.acme;

import com.acme.api.acme.AcmeModule;
import com.acme.ports.AcmePorts;
import com.acme.ports.AcmePorts_ApiHandlers;
import io.vecta.sdk.api.ApiHandlerBinding;
import io.vecta.sdk.api.ApiModuleDescriptor;
import io.vecta.sdk.cli.CommandDescriptor;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.util.ArrayList;
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

    private AcmeService acmeService;

    private AcmePorts acmePorts;

    /**
     * Created on the first call of {@link #commands()}.
     */
    private List<CommandDescriptor> commands;

    /**
     * Created on the first call of {@link #apiModules()}.
     */
    private List<ApiModuleDescriptor> apiModules;

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
            acmeService = new AcmeService();
            acmePorts = new AcmePorts();
            objectsCreated = true;
        }
    }

    @Override
    public synchronized List<CommandDescriptor> commands() {
        if (commands == null) {
            createObjects();
            commands = List.of(
                    new CommandDescriptor("show acme pokes", "show acme pokes",
                            "",
                            (ctx, in, out) -> acmeService.showPokes(in, out)));
        }
        return commands;
    }

    /**
     * The plugin's {@code .api} modules, each offered the bindings of every handler object.
     */
    @Override
    public synchronized List<ApiModuleDescriptor> apiModules() {
        if (apiModules == null) {
            createObjects();
            List<ApiHandlerBinding> handlers = new ArrayList<>();
            handlers.addAll(AcmeService_ApiHandlers.bind(acmeService));
            handlers.addAll(AcmePorts_ApiHandlers.bind(acmePorts));
            apiModules = List.of(
                    new ApiModuleDescriptor(AcmeModule.NAME, AcmeModule.FILE_CRC, AcmeModule.MESSAGES, handlers));
        }
        return apiModules;
    }
}
