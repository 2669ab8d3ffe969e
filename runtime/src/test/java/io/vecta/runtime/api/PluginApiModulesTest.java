package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.api.items.items.ItemNameDetails;
import io.vecta.runtime.api.items.items.ItemNameDump;
import io.vecta.runtime.api.items.items.ItemsModule;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.graph.LoadedPlugin;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiModuleDescriptor;
import io.vecta.sdk.node.FeatureArcDescriptor;
import io.vecta.sdk.node.FeatureDescriptor;
import io.vecta.sdk.node.NodeDescriptor;
import io.vecta.sdk.node.PluginRegistration;
import io.vecta.sdk.node.SdkVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API modules plugins contribute: their blocks after the runtime's, in plugin name order;
 * refused, naming both owners, when a name is taken; and served over the socket.
 */
class PluginApiModulesTest {

    @TempDir
    Path dir;

    /** A plugin with API modules and nothing else; {@code modules} runs when the runtime asks for them. */
    private record ApiPlugin(String name, Supplier<List<ApiModuleDescriptor>> modules) implements PluginRegistration {
        @Override
        public List<ApiModuleDescriptor> apiModules() {
            return modules.get();
        }

        @Override
        public String version() {
            return "1.0.0";
        }

        @Override
        public String description() {
            return "api plugin " + name;
        }

        @Override
        public boolean enabledByDefault() {
            return true;
        }

        @Override
        public SdkVersion sdkVersion() {
            return SdkVersion.CURRENT;
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
    }

    private static LoadedPlugin plugin(String name, ApiModuleDescriptor... modules) {
        return new LoadedPlugin(new ApiPlugin(name, () -> List.of(modules)), "test");
    }

    private static ApiModuleDescriptor items(ItemApi handlers) {
        return new ApiModuleDescriptor(ItemsModule.NAME, ItemsModule.FILE_CRC, ItemsModule.MESSAGES,
                ItemApi_ApiHandlers.bind(handlers));
    }

    private static ApiModuleDescriptor vlib() {
        return new ApiModuleDescriptor(VlibModule.NAME, VlibModule.FILE_CRC, VlibModule.MESSAGES, List.of());
    }

    /** memclnt and, as the runtime's own, vpe. */
    private static ApiRegistry runtimeRegistry() {
        return ApiRegistry.withMemclnt()
                .register(ApiModule.fromCodecs(VpeModule.NAME, VpeModule.FILE_CRC, VpeModule.MESSAGES, List.of()));
    }

    @Test
    void shouldRefuseOnlyTheModulesOfAPluginWhoseHandlersCannotBeMade() {
        ApiRegistry registry = runtimeRegistry();
        LoadedPlugin broken = new LoadedPlugin(new ApiPlugin("broken", () -> {
            throw new IllegalStateException("no database");
        }), "test");

        List<String> refused = PluginApiModules.register(registry, List.of(broken, plugin("zeta", items(new ItemApi()))));

        assertThat(refused).singleElement().asString()
                .contains("plugin 'broken' (test)", "making its handlers failed", "no database");
        assertThat(registry.table().modules()).extracting(ApiModule::name).containsExactly("memclnt", "vpe", "items");
    }

    @Test
    void shouldGivePluginModulesBlocksAfterTheRuntimesInPluginNameOrder() {
        ApiRegistry registry = runtimeRegistry();

        List<String> refused = PluginApiModules.register(registry,
                List.of(plugin("zeta", items(new ItemApi())), plugin("alpha", vlib())));

        assertThat(refused).isEmpty();
        MessageTable table = registry.table();
        assertThat(table.modules()).extracting(ApiModule::name).containsExactly("memclnt", "vpe", "vlib", "items");
        int vpeFirst = table.firstId(VpeModule.MESSAGE_RANGE_NAME).orElseThrow();
        int vlibFirst = table.firstId(VlibModule.MESSAGE_RANGE_NAME).orElseThrow();
        assertThat(vlibFirst).isEqualTo(vpeFirst + VpeModule.MESSAGES.size());
        assertThat(table.firstId(ItemsModule.MESSAGE_RANGE_NAME)).contains(vlibFirst + VlibModule.MESSAGES.size());
        assertThat(table.id(ItemNameDump.CODEC.key())).contains(table.firstId(ItemsModule.MESSAGE_RANGE_NAME)
                .orElseThrow() + ItemsModule.MESSAGES.indexOf(ItemNameDump.CODEC));
        assertThat(table.message(table.id(ItemNameDump.CODEC.key()).orElseThrow()).orElseThrow().handler())
                .as("a request with a handler is served").isNotNull();
        assertThat(ShowApi.messageTable(table)).contains(ItemsModule.MESSAGE_RANGE_NAME)
                .doesNotContain("Refused modules");
    }

    @Test
    void shouldRefuseTheSecondPluginsModuleOfOneNameNamingBothPlugins() {
        ApiRegistry registry = runtimeRegistry();

        List<String> refused = PluginApiModules.register(registry,
                List.of(plugin("beta", items(new ItemApi())), plugin("alpha", items(new ItemApi()))));

        assertThat(refused).containsExactly("api module " + ItemsModule.MESSAGE_RANGE_NAME
                + " of plugin 'beta' (test) is refused: module 'items' is already registered by plugin 'alpha' (test)");
        MessageTable table = registry.table();
        assertThat(table.modules()).extracting(ApiModule::name).containsExactly("memclnt", "vpe", "items");
        assertThat(table.refusedModules()).isEqualTo(refused);
        assertThat(ShowApi.messageTable(table)).contains("Refused modules:\n  " + refused.get(0) + "\n");
    }

    @Test
    void shouldRefuseAPluginModuleWhoseMessageTheRuntimeHasAndKeepThePluginsOthers() {
        ApiRegistry registry = runtimeRegistry();
        ApiModuleDescriptor rogue = new ApiModuleDescriptor("rogue", 0x12345678, VpeModule.MESSAGES, List.of());

        List<String> refused = PluginApiModules.register(registry,
                List.of(plugin("rogue-plugin", rogue, items(new ItemApi()))));

        assertThat(refused).singleElement().asString().isEqualTo("api module rogue_12345678 of plugin 'rogue-plugin'"
                + " (test) is refused: its message '" + VpeModule.MESSAGES.get(0).name()
                + "' is already a message of module 'vpe' of the runtime");
        assertThat(registry.table().modules()).extracting(ApiModule::name)
                .containsExactly("memclnt", "vpe", "items");
    }

    @Test
    void shouldServeAPluginsModuleOverTheSocketAfterTheRuntimesOwn() throws InterruptedException {
        VectaRuntime runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }"));
        Thread mainLoop = Thread.ofPlatform().name("vecta-main").start(runtime::run);
        ApiRegistry registry = runtimeRegistry();
        PluginApiModules.register(registry, List.of(plugin("items-plugin", items(new ItemApi()))));
        Path socket = dir.resolve("api.sock");
        try (ApiServer server = new ApiServer(registry.table(), ApiMainThread.of(runtime), ApiServerOptions.DEFAULTS)) {
            server.listen(socket, Optional.empty());
            try (ApiConnection api = ApiConnection.connect(socket, "items-client",
                    ApiCodecs.of(ItemsModule.MESSAGES))) {
                api.tableCheck().requireCompatible();

                assertThat(api.dump(new ItemNameDump(0, 0), ItemNameDetails.CODEC)).extracting(ItemNameDetails::name)
                        .containsExactly("first", "second");
                assertThat(api.table().id(ItemNameDump.CODEC.key()))
                        .isEqualTo(server.table().id(ItemNameDump.CODEC.key()));
            }
        } finally {
            runtime.stop();
            mainLoop.join();
            runtime.close();
        }
    }

    @Test
    void shouldHandAHandlerThatTakesAContextTheServicesCliCommandsGet() throws InterruptedException {
        VectaRuntime runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }"));
        Thread mainLoop = Thread.ofPlatform().name("vecta-main").start(runtime::run);
        ApiRegistry registry = runtimeRegistry();
        PluginApiModules.register(registry, List.of(plugin("services", new ApiModuleDescriptor(ItemsModule.NAME,
                ItemsModule.FILE_CRC, ItemsModule.MESSAGES, ServiceItemApi_ApiHandlers.bind(new ServiceItemApi())))));
        Path socket = dir.resolve("api.sock");
        try (ApiServer server = new ApiServer(registry.table(), ApiMainThread.of(runtime), ApiServerOptions.DEFAULTS)) {
            server.listen(socket, Optional.empty());
            try (ApiConnection api = ApiConnection.connect(socket, "services-client",
                    ApiCodecs.of(ItemsModule.MESSAGES))) {
                assertThat(api.dump(new ItemNameDump(0, 0), ItemNameDetails.CODEC)).extracting(ItemNameDetails::name)
                        .containsExactly("cli names", "no thread");
            }
        } finally {
            runtime.stop();
            mainLoop.join();
            runtime.close();
        }
    }
}
