package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.Version;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.client.ApiEvent;
import io.vecta.runtime.api.core.interface_.InterfaceModule;
import io.vecta.runtime.api.core.interface_.InterfaceServiceClient;
import io.vecta.runtime.api.core.interface_.SwInterfaceDetails;
import io.vecta.runtime.api.core.interface_.SwInterfaceDump;
import io.vecta.runtime.api.core.interface_.SwInterfaceEvent;
import io.vecta.runtime.api.core.interface_.SwInterfaceSetFlags;
import io.vecta.runtime.api.core.interface_.WantInterfaceEvents;
import io.vecta.runtime.api.core.interface_types.IfStatusFlags;
import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.memclnt.ControlPing;
import io.vecta.runtime.api.core.memclnt.MemclntServiceClient;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.api.core.vlib.VlibServiceClient;
import io.vecta.runtime.api.core.vpe.ShowVersion;
import io.vecta.runtime.api.core.vpe.ShowVersionReply;
import io.vecta.runtime.api.core.vpe.VpeModule;
import io.vecta.runtime.api.core.vpe.VpeServiceClient;
import io.vecta.sdk.api.ApiCodecs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated service clients over a connection to a real runtime, as an agent uses them. */
class ServiceClientTest {

    private static final ApiCodecs CODECS = ApiCodecs.of(VlibModule.MESSAGES, VpeModule.MESSAGES,
            InterfaceModule.MESSAGES);
    private static final long ALL = 0xffff_ffffL;

    @TempDir
    Path dir;

    private ServedRuntime served;
    private ApiConnection api;
    private VpeServiceClient vpe;
    private VlibServiceClient vlib;
    private InterfaceServiceClient interfaces;

    @BeforeEach
    void start() {
        served = new ServedRuntime(dir, CODECS);
        api = served.api;
        vpe = new VpeServiceClient(api);
        vlib = new VlibServiceClient(api);
        interfaces = new InterfaceServiceClient(api);
    }

    @AfterEach
    void stop() throws InterruptedException {
        served.close();
    }

    @Test
    void shouldShowTheVersionThroughTheVpeClient() {
        ShowVersionReply version = vpe.showVersion(new ShowVersion(0, 0));

        assertThat(version.retval()).isZero();
        assertThat(version.program()).isEqualTo("vecta");
        assertThat(version.version()).isEqualTo(Version.VERSION);
    }

    @Test
    void shouldRunACliCommandThroughTheVlibClient() {
        CliInbandReply created = vlib.cliInband(new CliInband(0, 0, "create packet-generator interface pg3"));
        CliInbandReply shown = vlib.cliInband(new CliInband(0, 0, "show interface"));

        assertThat(created.retval()).as(created.reply()).isZero();
        assertThat(shown.retval()).isZero();
        assertThat(shown.reply()).contains("pg3").contains("local0");
    }

    @Test
    void shouldDumpInterfacesAsAListAndAsAStream() {
        vlib.cliInband(new CliInband(0, 0, "create packet-generator interface pg0"));
        vlib.cliInband(new CliInband(0, 0, "create packet-generator interface pg1"));
        SwInterfaceDump all = new SwInterfaceDump(0, 0, new InterfaceIndex(ALL), false, "");

        List<SwInterfaceDetails> listed = interfaces.swInterfaceDump(all);
        List<String> streamed;
        try (Stream<SwInterfaceDetails> details = interfaces.swInterfaceDumpStream(all)) {
            streamed = details.map(SwInterfaceDetails::interfaceName).toList();
        }

        assertThat(listed).extracting(SwInterfaceDetails::interfaceName).containsExactly("local0", "pg0", "pg1");
        assertThat(streamed).containsExactly("local0", "pg0", "pg1");
    }

    @Test
    void shouldSubscribeToEventsThroughTheClientAndGetThemAsEvents() throws InterruptedException {
        vlib.cliInband(new CliInband(0, 0, "create packet-generator interface pg0"));
        BlockingQueue<ApiEvent> events = new LinkedBlockingQueue<>();
        api.addEventListener(events::add);

        int subscribed = interfaces.wantInterfaceEvents(new WantInterfaceEvents(0, 0, 1, 77)).retval();
        int set = interfaces.swInterfaceSetFlags(new SwInterfaceSetFlags(0, 0, new InterfaceIndex(1),
                IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP)).retval();
        ApiEvent event = events.poll(20, TimeUnit.SECONDS);

        assertThat(subscribed).isZero();
        assertThat(set).isZero();
        assertThat(event).as("sw_interface_event after sw_interface_set_flags").isNotNull();
        assertThat(event.message()).get().isInstanceOfSatisfying(SwInterfaceEvent.class, e -> {
            assertThat(e.swIfIndex().value()).isEqualTo(1);
            assertThat(e.pid()).isEqualTo(77);
        });
    }

    @Test
    void shouldPingThroughTheMemclntClient() {
        assertThat(new MemclntServiceClient(api).controlPing(new ControlPing(0, 0)).retval()).isZero();
    }
}
