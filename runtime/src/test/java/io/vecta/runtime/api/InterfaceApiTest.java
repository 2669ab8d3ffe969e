package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.client.ApiEvent;
import io.vecta.runtime.api.core.ethernet_types.MacAddress;
import io.vecta.runtime.api.core.interface_.InterfaceModule;
import io.vecta.runtime.api.core.interface_.SwInterfaceAddDelAddress;
import io.vecta.runtime.api.core.interface_.SwInterfaceAddDelAddressReply;
import io.vecta.runtime.api.core.interface_.SwInterfaceDetails;
import io.vecta.runtime.api.core.interface_.SwInterfaceDump;
import io.vecta.runtime.api.core.interface_.SwInterfaceEvent;
import io.vecta.runtime.api.core.interface_.SwInterfaceGetMacAddress;
import io.vecta.runtime.api.core.interface_.SwInterfaceGetMacAddressReply;
import io.vecta.runtime.api.core.interface_.SwInterfaceSetFlags;
import io.vecta.runtime.api.core.interface_.SwInterfaceSetFlagsReply;
import io.vecta.runtime.api.core.interface_.SwInterfaceSetMtu;
import io.vecta.runtime.api.core.interface_.SwInterfaceSetMtuReply;
import io.vecta.runtime.api.core.interface_.SwInterfaceTagAddDel;
import io.vecta.runtime.api.core.interface_.SwInterfaceTagAddDelReply;
import io.vecta.runtime.api.core.interface_.WantInterfaceEvents;
import io.vecta.runtime.api.core.interface_.WantInterfaceEventsReply;
import io.vecta.runtime.api.core.interface_types.IfStatusFlags;
import io.vecta.runtime.api.core.interface_types.IfType;
import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.interface_types.LinkDuplex;
import io.vecta.runtime.api.core.ip_types.Address;
import io.vecta.runtime.api.core.ip_types.AddressFamily;
import io.vecta.runtime.api.core.ip_types.AddressUnion;
import io.vecta.runtime.api.core.ip_types.AddressWithPrefix;
import io.vecta.runtime.api.core.ip_types.Ip4Address;
import io.vecta.runtime.api.core.ip_types.Ip6Address;
import io.vecta.runtime.api.core.ip_types.Prefix;
import io.vecta.runtime.api.core.vlib.CliInband;
import io.vecta.runtime.api.core.vlib.CliInbandReply;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiErrors;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interface module over the socket, driven by the Java client as an agent would drive it. */
class InterfaceApiTest {

    private static final ApiCodecs CODECS = ApiCodecs.of(VlibModule.MESSAGES, InterfaceModule.MESSAGES);
    private static final long ALL = 0xffff_ffffL;
    private static final IfStatusFlags DOWN = new IfStatusFlags(0);
    private static final IfStatusFlags UP = IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP;

    @TempDir
    Path dir;

    private VectaRuntime runtime;
    private Thread main;
    private ApiConnection api;

    @BeforeEach
    void start() {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(dir)).parse("test.conf",
                "buffers { page-size 4k buffers-per-numa 2048 }\nsocksvr { default }\n"));
        main = Thread.ofPlatform().start(runtime::run);
        api = connect("agent");
        cli("create packet-generator interface pg0");
        cli("create packet-generator interface pg1");
        cli("create packet-generator interface pg10");
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
        runtime.stop();
        main.join();
        runtime.close();
    }

    private ApiConnection connect(String name) {
        ApiConnection connection = ApiConnection.connect(dir.resolve("api.sock"), name, CODECS);
        connection.tableCheck().requireCompatible();
        return connection;
    }

    private String cli(String line) {
        CliInbandReply reply = api.call(new CliInband(0, 0, line), CliInbandReply.CODEC);
        assertThat(reply.retval()).as("'%s': %s", line, reply.reply()).isZero();
        return reply.reply();
    }

    private List<SwInterfaceDetails> dump(long swIfIndex) {
        return api.dump(new SwInterfaceDump(0, 0, new InterfaceIndex(swIfIndex), false, ""),
                SwInterfaceDetails.CODEC);
    }

    private List<String> names(List<SwInterfaceDetails> details) {
        return details.stream().map(SwInterfaceDetails::interfaceName).toList();
    }

    private SwInterfaceDetails pg0() {
        return dump(1).getFirst();
    }

    private int setFlags(long swIfIndex, IfStatusFlags flags) {
        return api.call(new SwInterfaceSetFlags(0, 0, new InterfaceIndex(swIfIndex), flags),
                SwInterfaceSetFlagsReply.CODEC).retval();
    }

    @Test
    void shouldListEveryInterfaceWithWhatVppFillsInForIt() {
        List<SwInterfaceDetails> all = dump(ALL);

        assertThat(names(all)).containsExactly("local0", "pg0", "pg1", "pg10");
        assertThat(names(dump(0))).as("0 asks for all, as in VPP").containsExactly("local0", "pg0", "pg1", "pg10");
        SwInterfaceDetails local0 = all.get(0);
        assertThat(local0.interfaceDevType()).isEqualTo("local");
        assertThat(local0.l2Address().value()).isEqualTo(ApiBytes.zeros(6));
        assertThat(local0.mtu()).containsExactly(0L, 0L, 0L, 0L);
        SwInterfaceDetails pg10 = all.get(3);
        assertThat(pg10.swIfIndex().value()).isEqualTo(3);
        assertThat(pg10.supSwIfIndex()).isEqualTo(3);
        assertThat(pg10.l2Address().value()).isEqualTo(ApiBytes.fromHex("02fe0000000a"));
        assertThat(pg10.flags()).isEqualTo(DOWN);
        assertThat(pg10.type()).isEqualTo(IfType.IF_API_TYPE_HARDWARE);
        assertThat(pg10.linkDuplex()).isEqualTo(LinkDuplex.LINK_DUPLEX_API_UNKNOWN);
        assertThat(pg10.linkSpeed()).isZero();
        assertThat(pg10.linkMtu()).isEqualTo(9000);
        assertThat(pg10.mtu()).containsExactly(9000L, 0L, 0L, 0L);
        assertThat(pg10.interfaceDevType()).isEqualTo("pg");
        assertThat(pg10.tag()).isEmpty();
        assertThat(all).allSatisfy(d -> assertThat(d.context()).isNotZero());
    }

    @Test
    void shouldDumpOneInterfaceByIndexAndNoneForAnIndexThatIsNotThere() {
        assertThat(names(dump(2))).containsExactly("pg1");
        assertThat(dump(99)).isEmpty();
        assertThat(names(dump(ALL))).as("the stream after an empty dump is intact").hasSize(4);
    }

    @Test
    void shouldFilterByNameIgnoringCaseAndThenIgnoreTheIndex() {
        List<SwInterfaceDetails> pg1s = api.dump(new SwInterfaceDump(0, 0, new InterfaceIndex(1), true, "PG1"),
                SwInterfaceDetails.CODEC);
        List<SwInterfaceDetails> none = api.dump(new SwInterfaceDump(0, 0, new InterfaceIndex(ALL), true, "eth"),
                SwInterfaceDetails.CODEC);
        List<SwInterfaceDetails> unfiltered = api.dump(new SwInterfaceDump(0, 0, new InterfaceIndex(ALL), false,
                "pg1"), SwInterfaceDetails.CODEC);

        assertThat(names(pg1s)).containsExactly("pg1", "pg10");
        assertThat(none).isEmpty();
        assertThat(names(unfiltered)).as("a filter not marked valid is not applied").hasSize(4);
    }

    @Test
    void shouldSetAnInterfaceUpAndDownAsShowInterfaceAndTheDetailsSay() {
        assertThat(setFlags(1, UP)).isZero();
        String shownUp = cli("show interface pg0");
        SwInterfaceDetails up = pg0();

        assertThat(setFlags(1, DOWN)).isZero();
        String shownDown = cli("show interface pg0");
        SwInterfaceDetails down = pg0();

        assertThat(shownUp).containsPattern("pg0\\s+1\\s+up");
        assertThat(up.flags()).as("admin up, and pg's link follows").isEqualTo(
                UP.with(IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP));
        assertThat(shownDown).containsPattern("pg0\\s+1\\s+down");
        assertThat(down.flags()).isEqualTo(DOWN);
    }

    @Test
    void shouldAnswerVppsErrorsForAnUnknownInterfaceAndForLocal0Up() {
        InterfaceIndex nowhere = new InterfaceIndex(42);

        assertThat(setFlags(42, UP)).isEqualTo(ApiErrors.INVALID_SW_IF_INDEX).isEqualTo(-2);
        assertThat(setFlags(0, UP)).as("local0 has no device").isEqualTo(ApiErrors.UNSPECIFIED);
        assertThat(api.call(new SwInterfaceSetMtu(0, 0, nowhere, List.of(1500L, 0L, 0L, 0L)),
                SwInterfaceSetMtuReply.CODEC).retval()).isEqualTo(-2);
        assertThat(api.call(new SwInterfaceGetMacAddress(0, 0, nowhere), SwInterfaceGetMacAddressReply.CODEC)
                .retval()).isEqualTo(-2);
        assertThat(api.call(new SwInterfaceTagAddDel(0, 0, true, nowhere, "x"), SwInterfaceTagAddDelReply.CODEC)
                .retval()).isEqualTo(-2);
    }

    @Test
    void shouldSetTheL3MtuAndRefusePerProtocolMtusAndValuesOutOfRange() {
        InterfaceIndex pg0 = new InterfaceIndex(1);

        int set = api.call(new SwInterfaceSetMtu(0, 0, pg0, List.of(1500L, 0L, 0L, 0L)), SwInterfaceSetMtuReply.CODEC)
                .retval();
        int perProtocol = api.call(new SwInterfaceSetMtu(0, 0, pg0, List.of(1500L, 1400L, 0L, 0L)),
                SwInterfaceSetMtuReply.CODEC).retval();
        int tooSmall = api.call(new SwInterfaceSetMtu(0, 0, pg0, List.of(10L, 0L, 0L, 0L)),
                SwInterfaceSetMtuReply.CODEC).retval();

        assertThat(set).isZero();
        assertThat(perProtocol).isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(tooSmall).isEqualTo(ApiErrors.INVALID_VALUE);
        assertThat(pg0().mtu()).containsExactly(1500L, 0L, 0L, 0L);
        assertThat(pg0().linkMtu()).isEqualTo(1500);
        assertThat(cli("show interface pg0")).contains("1500/0/0/0");
    }

    @Test
    void shouldGiveTheMacAddressOfAnInterface() {
        SwInterfaceGetMacAddressReply pg10 = api.call(new SwInterfaceGetMacAddress(0, 0, new InterfaceIndex(3)),
                SwInterfaceGetMacAddressReply.CODEC);

        assertThat(pg10.retval()).isZero();
        assertThat(pg10.macAddress()).isEqualTo(new MacAddress(ApiBytes.fromHex("02fe0000000a")));
    }

    @Test
    void shouldKeepATagShowItInTheDetailsAndRemoveIt() {
        InterfaceIndex pg0 = new InterfaceIndex(1);

        int added = api.call(new SwInterfaceTagAddDel(0, 0, true, pg0, "uplink"), SwInterfaceTagAddDelReply.CODEC)
                .retval();
        String tagged = pg0().tag();
        int empty = api.call(new SwInterfaceTagAddDel(0, 0, true, pg0, ""), SwInterfaceTagAddDelReply.CODEC).retval();
        int removed = api.call(new SwInterfaceTagAddDel(0, 0, false, pg0, ""), SwInterfaceTagAddDelReply.CODEC)
                .retval();

        assertThat(added).isZero();
        assertThat(tagged).isEqualTo("uplink");
        assertThat(empty).isEqualTo(ApiErrors.INVALID_VALUE);
        assertThat(removed).isZero();
        assertThat(pg0().tag()).isEmpty();
    }

    @Test
    void shouldSendAnEventToSubscribedClientsOnlyWhenAnInterfaceGoesUpOrDown() throws InterruptedException {
        try (ApiConnection watcher = connect("watcher")) {
            BlockingQueue<ApiEvent> watched = new LinkedBlockingQueue<>();
            watcher.addEventListener(watched::add);
            BlockingQueue<ApiEvent> unsubscribed = new LinkedBlockingQueue<>();
            api.addEventListener(unsubscribed::add);

            WantInterfaceEventsReply subscribed = watcher.call(new WantInterfaceEvents(0, 0, 1, 4242),
                    WantInterfaceEventsReply.CODEC);
            cli("set interface state pg1 up");
            ApiEvent event = watched.poll(20, TimeUnit.SECONDS);

            assertThat(subscribed.retval()).isZero();
            assertThat(event).as("sw_interface_event after set interface state").isNotNull();
            assertThat(event.message()).get().isInstanceOfSatisfying(SwInterfaceEvent.class, e -> {
                assertThat(e.swIfIndex().value()).isEqualTo(2);
                assertThat(e.flags()).isEqualTo(UP.with(IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP));
                assertThat(e.pid()).isEqualTo(4242);
                assertThat(e.clientIndex()).isEqualTo(Integer.toUnsignedLong(watcher.clientIndex()));
                assertThat(e.deleted()).isFalse();
            });
            // an event to this client would have come before the reply to its own command
            assertThat(unsubscribed).isEmpty();
        }
    }

    @Test
    void shouldTellSubscribersOfADeletedInterface() throws InterruptedException {
        cli("create loopback interface");
        int loop0 = InterfaceTable.of(runtime.graph()).byName("loop0").swIfIndex();
        try (ApiConnection watcher = connect("watcher")) {
            BlockingQueue<ApiEvent> watched = new LinkedBlockingQueue<>();
            watcher.addEventListener(watched::add);
            watcher.call(new WantInterfaceEvents(0, 0, 1, 7), WantInterfaceEventsReply.CODEC);

            cli("delete loopback interface intfc loop0");
            ApiEvent event = watched.poll(20, TimeUnit.SECONDS);

            assertThat(event).as("sw_interface_event after delete loopback interface").isNotNull();
            assertThat(event.message()).get().isInstanceOfSatisfying(SwInterfaceEvent.class, e -> {
                assertThat(e.swIfIndex().value()).isEqualTo(loop0);
                assertThat(e.deleted()).isTrue();
            });
        }
    }

    @Test
    void shouldRefuseADoubleSubscriptionAndAnUnsubscriptionWithoutOneAndStopSendingAfterIt() {
        BlockingQueue<ApiEvent> events = new LinkedBlockingQueue<>();
        api.addEventListener(events::add);

        int first = api.call(new WantInterfaceEvents(0, 0, 1, 1), WantInterfaceEventsReply.CODEC).retval();
        int again = api.call(new WantInterfaceEvents(0, 0, 1, 1), WantInterfaceEventsReply.CODEC).retval();
        int off = api.call(new WantInterfaceEvents(0, 0, 0, 1), WantInterfaceEventsReply.CODEC).retval();
        int offAgain = api.call(new WantInterfaceEvents(0, 0, 0, 1), WantInterfaceEventsReply.CODEC).retval();
        assertThat(setFlags(1, UP)).isZero();

        assertThat(first).isZero();
        assertThat(again).isEqualTo(ApiErrors.INVALID_REGISTRATION).isEqualTo(-31);
        assertThat(off).isZero();
        assertThat(offAgain).isEqualTo(-31);
        assertThat(events).as("no event once unsubscribed; it would precede the reply").isEmpty();
    }

    private static AddressWithPrefix ip4(int a, int b, int c, int d, int len) {
        return new AddressWithPrefix(new Prefix(new Address(AddressFamily.ADDRESS_IP4,
                AddressUnion.ofIp4(new Ip4Address(ApiBytes.of((byte) a, (byte) b, (byte) c, (byte) d)))), len));
    }

    private int addDelAddress(long swIfIndex, boolean isAdd, boolean delAll, AddressWithPrefix prefix) {
        return api.call(new SwInterfaceAddDelAddress(0, 0, new InterfaceIndex(swIfIndex), isAdd, delAll, prefix),
                SwInterfaceAddDelAddressReply.CODEC).retval();
    }

    @Test
    void shouldAddAndDeleteIp4AddressesAsTheCliDoes() {
        assertThat(addDelAddress(1, true, false, ip4(192, 0, 2, 1, 24))).isZero();
        assertThat(addDelAddress(1, true, false, ip4(198, 51, 100, 1, 30))).isZero();
        assertThat(cli("show interface address pg0")).contains("192.0.2.1/24").contains("198.51.100.1/30");
        assertThat(cli("show ip fib")).contains("192.0.2.0/24");

        assertThat(addDelAddress(1, false, false, ip4(192, 0, 2, 1, 24))).isZero();
        assertThat(cli("show interface address pg0")).doesNotContain("192.0.2.1/24").contains("198.51.100.1/30");
        assertThat(addDelAddress(1, false, true, ip4(0, 0, 0, 0, 0))).as("del_all").isZero();
        assertThat(cli("show interface address pg0")).doesNotContain("198.51.100.1/30");
    }

    @Test
    void shouldRefuseAddressesTheCliWouldRefuse() {
        assertThat(addDelAddress(99, true, false, ip4(192, 0, 2, 1, 24))).isEqualTo(ApiErrors.INVALID_SW_IF_INDEX);
        assertThat(addDelAddress(1, true, false, ip4(192, 0, 2, 1, 24))).isZero();
        assertThat(addDelAddress(1, true, false, ip4(192, 0, 2, 1, 24))).as("twice").isEqualTo(ApiErrors.UNSPECIFIED);
        assertThat(addDelAddress(2, true, false, ip4(192, 0, 2, 9, 24))).as("overlapping pg0's")
                .isEqualTo(ApiErrors.UNSPECIFIED);
        assertThat(addDelAddress(2, false, false, ip4(203, 0, 113, 1, 24))).as("not there").isEqualTo(ApiErrors.UNSPECIFIED);
        assertThat(addDelAddress(1, true, false, ip4(203, 0, 113, 1, 33))).isEqualTo(ApiErrors.INVALID_VALUE);
        AddressWithPrefix ip6 = new AddressWithPrefix(new Prefix(new Address(AddressFamily.ADDRESS_IP6,
                AddressUnion.ofIp6(new Ip6Address(ApiBytes.fromHex("20010db8000000000000000000000001")))), 64));
        assertThat(addDelAddress(1, true, false, ip6)).isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(cli("show interface address pg1")).doesNotContain("192.0.2.9");
    }
}
