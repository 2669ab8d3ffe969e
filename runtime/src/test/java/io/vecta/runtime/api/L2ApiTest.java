package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.api.core.ethernet_types.MacAddress;
import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.l2.BdFlags;
import io.vecta.runtime.api.core.l2.BridgeDomainAddDel;
import io.vecta.runtime.api.core.l2.BridgeDomainAddDelV2;
import io.vecta.runtime.api.core.l2.BridgeDomainAddDelV2Reply;
import io.vecta.runtime.api.core.l2.BridgeDomainDetails;
import io.vecta.runtime.api.core.l2.BridgeDomainDump;
import io.vecta.runtime.api.core.l2.BridgeDomainSetMacAge;
import io.vecta.runtime.api.core.l2.BridgeDomainSwIf;
import io.vecta.runtime.api.core.l2.BridgeFlags;
import io.vecta.runtime.api.core.l2.BridgeFlagsReply;
import io.vecta.runtime.api.core.l2.L2FibTableDetails;
import io.vecta.runtime.api.core.l2.L2FibTableDump;
import io.vecta.runtime.api.core.l2.L2Module;
import io.vecta.runtime.api.core.l2.L2PortType;
import io.vecta.runtime.api.core.l2.L2ServiceClient;
import io.vecta.runtime.api.core.l2.L2XconnectDetails;
import io.vecta.runtime.api.core.l2.L2XconnectDump;
import io.vecta.runtime.api.core.l2.L2fibAddDel;
import io.vecta.runtime.api.core.l2.L2fibFlushAll;
import io.vecta.runtime.api.core.l2.L2fibFlushBd;
import io.vecta.runtime.api.core.l2.L2fibFlushInt;
import io.vecta.runtime.api.core.l2.SwInterfaceSetL2Bridge;
import io.vecta.runtime.api.core.l2.SwInterfaceSetL2Xconnect;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiErrors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The l2 module over the socket, through the generated {@link L2ServiceClient}, checked against
 * what {@code show bridge-domain} and {@code show l2fib} print and the interfaces' L2 modes.
 * Interfaces: pg0 (1), pg1 (2), pg2 (3), loop0 (4).
 */
class L2ApiTest {

    private static final ApiCodecs CODECS = ApiCodecs.of(VlibModule.MESSAGES, L2Module.MESSAGES);
    private static final long ALL = 0xffff_ffffL;
    private static final MacAddress MAC = new MacAddress(ApiBytes.fromHex("0200c0000202"));
    private static final MacAddress OTHER_MAC = new MacAddress(ApiBytes.fromHex("0200c0000303"));

    @TempDir
    Path dir;

    private ServedRuntime served;
    private L2ServiceClient l2;

    @BeforeEach
    void start() {
        served = new ServedRuntime(dir, CODECS);
        l2 = new L2ServiceClient(served.api);
        cli("create packet-generator interface pg0");
        cli("create packet-generator interface pg1");
        cli("create packet-generator interface pg2");
        cli("create loopback interface");
    }

    @AfterEach
    void stop() throws InterruptedException {
        served.close();
    }

    private String cli(String line) {
        return served.cli(line);
    }

    private byte[] modes() {
        return InterfaceTable.of(served.runtime.graph()).l2Modes();
    }

    private int addDel(boolean isAdd, long bdId) {
        return l2.bridgeDomainAddDel(new BridgeDomainAddDel(0, 0, bdId, true, true, true, true, false, false, 0, "",
                isAdd)).retval();
    }

    private int bridge(long swIfIndex, long bdId, L2PortType type, int shg, boolean enable) {
        return l2.swInterfaceSetL2Bridge(new SwInterfaceSetL2Bridge(0, 0, new InterfaceIndex(swIfIndex), bdId, type, shg,
                enable)).retval();
    }

    private int fib(boolean isAdd, MacAddress mac, long bdId, long swIfIndex, boolean isStatic, boolean bvi) {
        return l2.l2fibAddDel(new L2fibAddDel(0, 0, mac, bdId, new InterfaceIndex(swIfIndex), isAdd, isStatic, false,
                bvi)).retval();
    }

    private List<BridgeDomainDetails> domains(long bdId) {
        return l2.bridgeDomainDump(new BridgeDomainDump(0, 0, bdId, new InterfaceIndex(ALL)));
    }

    private List<L2FibTableDetails> entries(long bdId) {
        return l2.l2FibTableDump(new L2FibTableDump(0, 0, bdId));
    }

    private BridgeFlagsReply flags(long bdId, boolean isSet, BdFlags flags) {
        return l2.bridgeFlags(new BridgeFlags(0, 0, bdId, isSet, flags));
    }

    @Test
    void shouldCreateBridgeDomainsTheCliShowsAndDeleteEmptyOnes() {
        assertThat(l2.bridgeDomainAddDel(new BridgeDomainAddDel(0, 0, 10, true, false, true, false, false, false, 5,
                "red", true)).retval()).isZero();
        BridgeDomainAddDelV2Reply picked = l2.bridgeDomainAddDelV2(new BridgeDomainAddDelV2(0, 0, ALL, true, true,
                true, true, false, false, 0, "", true));
        assertThat(picked.retval()).isZero();
        assertThat(picked.bdId()).as("the lowest free id").isEqualTo(1);

        String shown = cli("show bridge-domain");
        assertThat(shown.lines().skip(1).map(String::strip)).hasSize(2).anySatisfy(row -> assertThat(row.split("\\s+"))
                .startsWith("1", "2", "0", "off", "on", "on", "flood", "on", "off"))
                .anySatisfy(row -> assertThat(row.split("\\s+")).startsWith("10", "1", "0", "5", "off", "on", "drop",
                        "on", "off"));

        List<BridgeDomainDetails> ten = domains(10);
        assertThat(ten).singleElement().satisfies(d -> {
            assertThat(d.bdTag()).isEqualTo("red");
            assertThat(d.macAge()).isEqualTo(5);
            assertThat(d.learn()).isFalse();
            assertThat(d.uuFlood()).isFalse();
            assertThat(d.flood()).isTrue();
            assertThat(d.forward()).isTrue();
            assertThat(d.swIfDetails()).isEmpty();
            assertThat(d.bviSwIfIndex().value()).isEqualTo(ALL);
        });
        assertThat(domains(ALL)).extracting(BridgeDomainDetails::bdId).containsExactly(1L, 10L);
        assertThat(domains(0)).isEmpty();
        assertThat(domains(77)).isEmpty();

        assertThat(addDel(false, 10)).isZero();
        assertThat(domains(ALL)).extracting(BridgeDomainDetails::bdId).containsExactly(1L);
        assertThat(cli("show bridge-domain")).doesNotContain("red");
        assertThat(l2.bridgeDomainAddDelV2(new BridgeDomainAddDelV2(0, 0, 1, true, true, true, true, false, false, 0,
                "", false)).retval()).isZero();
        assertThat(cli("show bridge-domain")).contains("No operational bridge domains");
    }

    @Test
    void shouldBridgeMembersAndABviAndReturnThemToL3() {
        assertThat(addDel(true, 10)).isZero();
        assertThat(bridge(1, 10, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true)).isZero();
        assertThat(bridge(2, 10, L2PortType.L2_API_PORT_TYPE_NORMAL, 3, true)).isZero();
        assertThat(bridge(4, 10, L2PortType.L2_API_PORT_TYPE_BVI, 0, true)).isZero();

        BridgeDomainDetails details = domains(10).getFirst();
        assertThat(details.swIfDetails()).extracting(m -> m.swIfIndex().value() + "/" + m.shg())
                .containsExactly("1/0", "2/3", "4/0");
        assertThat(details.bviSwIfIndex().value()).isEqualTo(4);
        String shown = cli("show bridge-domain 10 detail");
        assertThat(shown).contains("loop0").contains("pg0").contains("pg1").doesNotContain("pg2");

        assertThat(bridge(2, 0, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, false)).as("disable: back to L3").isZero();
        assertThat(domains(10).getFirst().swIfDetails()).extracting(BridgeDomainSwIf::swIfIndex)
                .extracting(InterfaceIndex::value).containsExactly(1L, 4L);
        assertThat(cli("show bridge-domain 10 detail")).doesNotContain("pg1");
        assertThat(modes()[2]).isEqualTo(InterfaceTable.L3);
        assertThat(modes()[4]).isEqualTo(InterfaceTable.BVI);
        assertThat(addDel(false, 10)).as("members left").isEqualTo(ApiErrors.BD_IN_USE);

        assertThat(bridge(1, 20, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true))
                .as("a bridge domain that does not exist is made, and pg0 moves to it").isZero();
        assertThat(domains(20).getFirst().swIfDetails()).extracting(m -> m.swIfIndex().value()).containsExactly(1L);
        assertThat(domains(10).getFirst().swIfDetails()).extracting(m -> m.swIfIndex().value()).containsExactly(4L);
    }

    @Test
    void shouldCrossConnectAndListCrossConnects() {
        assertThat(l2.swInterfaceSetL2Xconnect(new SwInterfaceSetL2Xconnect(0, 0, new InterfaceIndex(1),
                new InterfaceIndex(2), true)).retval()).isZero();
        assertThat(l2.swInterfaceSetL2Xconnect(new SwInterfaceSetL2Xconnect(0, 0, new InterfaceIndex(2),
                new InterfaceIndex(1), true)).retval()).isZero();

        assertThat(l2.l2XconnectDump(new L2XconnectDump(0, 0))).extracting(
                (L2XconnectDetails d) -> d.rxSwIfIndex().value() + ">" + d.txSwIfIndex().value())
                .containsExactly("1>2", "2>1");
        assertThat(modes()[1]).as("pg0's frames go to l2-input").isEqualTo(InterfaceTable.L2);

        assertThat(l2.swInterfaceSetL2Xconnect(new SwInterfaceSetL2Xconnect(0, 0, new InterfaceIndex(1),
                new InterfaceIndex(ALL), false)).retval()).isZero();
        assertThat(l2.l2XconnectDump(new L2XconnectDump(0, 0))).extracting(d -> d.rxSwIfIndex().value())
                .containsExactly(2L);
        assertThat(modes()[1]).isEqualTo(InterfaceTable.L3);
        assertThat(modes()[2]).isEqualTo(InterfaceTable.L2);
    }

    @Test
    void shouldAddListAndFlushL2FibEntriesAsShowL2fibDoes() {
        assertThat(addDel(true, 10)).isZero();
        assertThat(addDel(true, 20)).isZero();
        assertThat(bridge(1, 10, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true)).isZero();
        assertThat(bridge(2, 10, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true)).isZero();
        assertThat(bridge(3, 20, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true)).isZero();
        assertThat(bridge(4, 20, L2PortType.L2_API_PORT_TYPE_BVI, 0, true)).isZero();

        assertThat(fib(true, MAC, 10, 1, true, false)).isZero();
        assertThat(fib(true, OTHER_MAC, 10, 2, false, false)).isZero();
        assertThat(fib(true, MAC, 20, 3, false, false)).isZero();
        assertThat(fib(true, OTHER_MAC, 20, 4, false, true)).isZero();

        assertThat(entries(ALL)).extracting(e -> e.bdId() + " " + e.mac().value().toHex() + " " + e.swIfIndex().value()
                + (e.staticMac() ? " static" : "") + (e.bviMac() ? " bvi" : "")).containsExactlyInAnyOrder(
                "10 0x0200c0000202 1 static", "10 0x0200c0000303 2", "20 0x0200c0000202 3",
                "20 0x0200c0000303 4 static bvi");
        assertThat(entries(20)).hasSize(2);
        assertThat(entries(30)).isEmpty();
        String shown = cli("show l2fib verbose");
        assertThat(shown).contains("02:00:c0:00:02:02").contains("02:00:c0:00:03:03").contains("pg2").contains("loop0")
                .contains("L2FIB total/learned entries: 4/2");

        assertThat(l2.l2fibFlushInt(new L2fibFlushInt(0, 0, new InterfaceIndex(2))).retval()).isZero();
        assertThat(cli("show l2fib")).contains("L2FIB total/learned entries: 3/1");
        assertThat(l2.l2fibFlushBd(new L2fibFlushBd(0, 0, 20)).retval()).isZero();
        assertThat(entries(ALL)).extracting(e -> e.bdId() + " " + e.swIfIndex().value())
                .containsExactlyInAnyOrder("10 1", "20 4");
        assertThat(fib(true, MAC, 20, 3, false, false)).isZero();
        assertThat(l2.l2fibFlushAll(new L2fibFlushAll(0, 0)).retval()).isZero();
        assertThat(cli("show l2fib")).as("static entries stay").contains("L2FIB total/learned entries: 2/0");

        assertThat(fib(false, MAC, 10, ALL, false, false)).isZero();
        assertThat(entries(10)).isEmpty();
        assertThat(fib(false, MAC, 10, ALL, false, false)).isEqualTo(ApiErrors.NO_SUCH_ENTRY);
    }

    @Test
    void shouldSetTheSwitchesAndAgeOfABridgeDomain() {
        assertThat(addDel(true, 10)).isZero();

        BridgeFlagsReply cleared = flags(10, false, BdFlags.BRIDGE_API_FLAG_LEARN.with(BdFlags.BRIDGE_API_FLAG_UU_FLOOD));
        assertThat(cleared.retval()).isZero();
        assertThat(cleared.resultingFeatureBitmap()).as("fwd and flood of VPP's L2 input feature bits")
                .isEqualTo((1L << 7) | (1L << 2));
        assertThat(l2.bridgeDomainSetMacAge(new BridgeDomainSetMacAge(0, 0, 10, 9)).retval()).isZero();

        assertThat(domains(10).getFirst()).satisfies(d -> {
            assertThat(d.learn()).isFalse();
            assertThat(d.uuFlood()).isFalse();
            assertThat(d.forward()).isTrue();
            assertThat(d.macAge()).isEqualTo(9);
        });
        assertThat(cli("show bridge-domain 10").lines().skip(1).findFirst().orElseThrow().strip().split("\\s+"))
                .startsWith("10", "1", "0", "9", "off", "on", "drop", "on", "off");

        assertThat(flags(10, true, BdFlags.BRIDGE_API_FLAG_LEARN).resultingFeatureBitmap())
                .isEqualTo((1L << 9) | (1L << 7) | (1L << 2));
        assertThat(flags(10, true, BdFlags.BRIDGE_API_FLAG_ARP_TERM).retval())
                .as("no ARP termination in the bridge").isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(domains(10).getFirst().arpTerm()).isFalse();
    }

    @Test
    void shouldAnswerWrongInputWithVppsErrorsAndKeepServing() {
        assertThat(addDel(true, 10)).isZero();
        assertThat(addDel(true, 10)).isEqualTo(ApiErrors.BD_ALREADY_EXISTS);
        assertThat(addDel(true, 0)).as("VPP's placeholder bridge 0 always exists").isEqualTo(ApiErrors.BD_ALREADY_EXISTS);
        assertThat(addDel(true, 0x100_0000L)).isEqualTo(ApiErrors.BD_ID_EXCEED_MAX);
        assertThat(addDel(false, 0)).isEqualTo(ApiErrors.BD_NOT_MODIFIABLE);
        assertThat(addDel(false, 11)).isEqualTo(ApiErrors.NO_SUCH_ENTRY);
        assertThat(l2.bridgeDomainAddDel(new BridgeDomainAddDel(0, 0, 12, true, true, true, true, true, false, 0, "",
                true)).retval()).as("arp-term").isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(flags(0, true, BdFlags.BRIDGE_API_FLAG_LEARN).retval()).isEqualTo(ApiErrors.BD_NOT_MODIFIABLE);
        assertThat(flags(11, true, BdFlags.BRIDGE_API_FLAG_LEARN).retval()).isEqualTo(ApiErrors.NO_SUCH_ENTRY);
        assertThat(l2.bridgeDomainSetMacAge(new BridgeDomainSetMacAge(0, 0, 11, 1)).retval())
                .isEqualTo(ApiErrors.NO_SUCH_ENTRY);

        assertThat(bridge(99, 10, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true)).isEqualTo(ApiErrors.INVALID_SW_IF_INDEX);
        assertThat(bridge(1, 0, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true)).isEqualTo(ApiErrors.BD_NOT_MODIFIABLE);
        assertThat(bridge(0, 10, L2PortType.L2_API_PORT_TYPE_NORMAL, 0, true)).isEqualTo(ApiErrors.NON_ETHERNET);
        assertThat(bridge(1, 10, L2PortType.L2_API_PORT_TYPE_BVI, 0, true)).as("only a loopback is a BVI")
                .isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(bridge(4, 10, L2PortType.L2_API_PORT_TYPE_BVI, 0, true)).isZero();
        cli("create loopback interface");
        assertThat(bridge(5, 10, L2PortType.L2_API_PORT_TYPE_BVI, 0, true)).isEqualTo(ApiErrors.BD_ALREADY_HAS_BVI);
        assertThat(l2.swInterfaceSetL2Xconnect(new SwInterfaceSetL2Xconnect(0, 0, new InterfaceIndex(1),
                new InterfaceIndex(99), true)).retval()).isEqualTo(ApiErrors.INVALID_SW_IF_INDEX_2);
        assertThat(l2.swInterfaceSetL2Xconnect(new SwInterfaceSetL2Xconnect(0, 0, new InterfaceIndex(99),
                new InterfaceIndex(1), true)).retval()).isEqualTo(ApiErrors.INVALID_SW_IF_INDEX);

        assertThat(fib(true, MAC, 11, 1, false, false)).as("unknown bridge domain").isEqualTo(ApiErrors.NO_SUCH_ENTRY);
        assertThat(fib(true, MAC, 10, 99, false, false)).isEqualTo(ApiErrors.INVALID_SW_IF_INDEX);
        assertThat(fib(true, MAC, 10, 2, false, false)).as("pg1 is not a member").isEqualTo(ApiErrors.INVALID_SW_IF_INDEX);
        assertThat(fib(true, new MacAddress(ApiBytes.fromHex("01005e000001")), 10, 4, false, false))
                .as("a group address").isEqualTo(ApiErrors.INVALID_VALUE);
        assertThat(l2.l2fibFlushBd(new L2fibFlushBd(0, 0, 11)).retval()).isEqualTo(ApiErrors.NO_SUCH_ENTRY);
        assertThat(l2.l2fibFlushInt(new L2fibFlushInt(0, 0, new InterfaceIndex(99))).retval())
                .isEqualTo(ApiErrors.INVALID_SW_IF_INDEX);
        assertThat(entries(ALL)).isEmpty();
        assertThat(domains(ALL)).extracting(BridgeDomainDetails::bdId).containsExactly(10L);

        assertThat(fib(true, MAC, 10, 4, true, false)).as("still serving").isZero();
        assertThat(served.runtime.apiServer().orElseThrow().counters().handlerErrors())
                .as("refusals are answers, not failures").isZero();
    }
}
