package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.api.core.fib_types.FibMplsLabel;
import io.vecta.runtime.api.core.fib_types.FibPath;
import io.vecta.runtime.api.core.fib_types.FibPathFlags;
import io.vecta.runtime.api.core.fib_types.FibPathNh;
import io.vecta.runtime.api.core.fib_types.FibPathNhProto;
import io.vecta.runtime.api.core.fib_types.FibPathType;
import io.vecta.runtime.api.core.ip.IpModule;
import io.vecta.runtime.api.core.ip.IpRoute;
import io.vecta.runtime.api.core.ip.IpRouteAddDel;
import io.vecta.runtime.api.core.ip.IpRouteDetails;
import io.vecta.runtime.api.core.ip.IpRouteDump;
import io.vecta.runtime.api.core.ip.IpServiceClient;
import io.vecta.runtime.api.core.ip.IpTable;
import io.vecta.runtime.api.core.ip.IpTableAddDel;
import io.vecta.runtime.api.core.ip_types.Address;
import io.vecta.runtime.api.core.ip_types.AddressFamily;
import io.vecta.runtime.api.core.ip_types.AddressUnion;
import io.vecta.runtime.api.core.ip_types.Ip4Address;
import io.vecta.runtime.api.core.ip_types.Ip6Address;
import io.vecta.runtime.api.core.ip_types.Prefix;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiErrors;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IPv4 routes and tables of the ip module over the socket, through the generated
 * {@link IpServiceClient}, checked against what {@code show ip fib} prints.
 */
class IpRouteApiTest {

    private static final ApiCodecs CODECS = ApiCodecs.of(VlibModule.MESSAGES, IpModule.MESSAGES);
    private static final long NONE = 0xffff_ffffL;
    private static final List<FibMplsLabel> NO_LABELS = Collections.nCopies(16, new FibMplsLabel(0, 0, 0, 0));
    private static final String ROUTE = "198.51.100.0/24";

    @TempDir
    Path dir;

    private ServedRuntime served;
    private IpServiceClient ip;

    @BeforeEach
    void start() {
        served = new ServedRuntime(dir, CODECS);
        ip = new IpServiceClient(served.api);
        cli("create packet-generator interface pg0");
        cli("create packet-generator interface pg1");
        cli("set interface ip address pg0 10.0.1.1/24");
        cli("set interface ip address pg1 10.0.2.1/24");
    }

    @AfterEach
    void stop() throws InterruptedException {
        served.close();
    }

    private String cli(String line) {
        return served.cli(line);
    }

    private static Address ip4(int a, int b, int c, int d) {
        return new Address(AddressFamily.ADDRESS_IP4,
                AddressUnion.ofIp4(new Ip4Address(ApiBytes.of((byte) a, (byte) b, (byte) c, (byte) d))));
    }

    private static Prefix prefix(int a, int b, int c, int d, int len) {
        return new Prefix(ip4(a, b, c, d), len);
    }

    private static FibPath path(FibPathType type, long swIfIndex, Address nextHop, int weight) {
        return new FibPath(swIfIndex, 0, 0, weight, 0, type, FibPathFlags.FIB_API_PATH_FLAG_NONE,
                FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4, new FibPathNh(nextHop.un(), 0, 0, 0), 0, NO_LABELS);
    }

    private static FibPath via(int lastByte, int subnet, long swIfIndex) {
        return path(FibPathType.FIB_API_PATH_TYPE_NORMAL, swIfIndex, ip4(10, 0, subnet, lastByte), 1);
    }

    private int route(boolean isAdd, boolean isMultipath, long tableId, Prefix prefix, FibPath... paths) {
        return ip.ipRouteAddDel(new IpRouteAddDel(0, 0, isAdd, isMultipath,
                new IpRoute(tableId, 0, prefix, List.of(paths)))).retval();
    }

    private int route(boolean isAdd, boolean isMultipath, FibPath... paths) {
        return route(isAdd, isMultipath, 0, prefix(198, 51, 100, 0, 24), paths);
    }

    private List<IpRouteDetails> dump(long tableId, boolean isIp6) {
        return ip.ipRouteDump(new IpRouteDump(0, 0, new IpTable(tableId, isIp6, "")));
    }

    private Optional<IpRoute> dumped(long tableId, Prefix prefix) {
        return dump(tableId, false).stream().map(IpRouteDetails::route).filter(r -> r.prefix().equals(prefix))
                .findFirst();
    }

    /** The paths of the route as (sw_if_index, next hop's last byte, type, weight). */
    private List<String> paths(IpRoute route) {
        return route.paths().stream().map(p -> p.swIfIndex() + " ." + p.nh().address().ip4().value().get(3) + " "
                + p.type() + " w" + p.weight()).toList();
    }

    @Test
    void shouldAddReplaceAndDeleteARouteAsTheFibShowsIt() {
        assertThat(route(true, false, via(2, 1, 1))).isZero();

        IpRoute added = dumped(0, prefix(198, 51, 100, 0, 24)).orElseThrow();
        assertThat(paths(added)).containsExactly("1 .2 FIB_API_PATH_TYPE_NORMAL w1");
        assertThat(added.statsIndex()).as("no per-route counters").isEqualTo(NONE);
        assertThat(added.tableId()).isZero();
        String shown = cli("show ip fib " + ROUTE);
        assertThat(shown).startsWith("ipv4-VRF:0").contains(ROUTE + " fib:0").contains("API refs:1")
                .contains("10.0.1.2 pg0");

        assertThat(route(true, false, via(2, 2, 2))).as("an add without is_multipath replaces the paths").isZero();
        assertThat(paths(dumped(0, prefix(198, 51, 100, 0, 24)).orElseThrow()))
                .containsExactly("2 .2 FIB_API_PATH_TYPE_NORMAL w1");
        assertThat(cli("show ip fib " + ROUTE)).contains("10.0.2.2 pg1").doesNotContain("10.0.1.2");

        assertThat(route(false, false)).isZero();
        assertThat(dumped(0, prefix(198, 51, 100, 0, 24))).isEmpty();
        assertThat(cli("show ip fib")).doesNotContain(ROUTE);
        assertThat(route(false, false)).as("deleting what is not there succeeds, as in VPP").isZero();
    }

    @Test
    void shouldSpreadOverEcmpPathsAndChangeThemOneByOneWithMultipath() {
        assertThat(route(true, false, via(2, 1, 1), via(2, 2, 2))).isZero();
        assertThat(paths(dumped(0, prefix(198, 51, 100, 0, 24)).orElseThrow()))
                .containsExactly("1 .2 FIB_API_PATH_TYPE_NORMAL w1", "2 .2 FIB_API_PATH_TYPE_NORMAL w1");
        assertThat(cli("show ip fib " + ROUTE)).contains("10.0.1.2 pg0").contains("10.0.2.2 pg1")
                .contains("buckets:2");

        assertThat(route(true, true, path(FibPathType.FIB_API_PATH_TYPE_NORMAL, 1, ip4(10, 0, 1, 3), 3))).isZero();
        assertThat(route(true, true, via(2, 1, 1))).as("a path there already is not added twice").isZero();
        assertThat(paths(dumped(0, prefix(198, 51, 100, 0, 24)).orElseThrow())).containsExactly(
                "1 .2 FIB_API_PATH_TYPE_NORMAL w1", "2 .2 FIB_API_PATH_TYPE_NORMAL w1",
                "1 .3 FIB_API_PATH_TYPE_NORMAL w3");
        assertThat(cli("show ip fib " + ROUTE)).contains("10.0.1.3 pg0").contains("weight=3");

        assertThat(route(false, true, via(2, 1, 1))).isZero();
        assertThat(paths(dumped(0, prefix(198, 51, 100, 0, 24)).orElseThrow())).containsExactly(
                "2 .2 FIB_API_PATH_TYPE_NORMAL w1", "1 .3 FIB_API_PATH_TYPE_NORMAL w3");
        assertThat(cli("show ip fib " + ROUTE)).doesNotContain("10.0.1.2");

        assertThat(route(false, true, via(2, 2, 2), path(FibPathType.FIB_API_PATH_TYPE_NORMAL, 1, ip4(10, 0, 1, 3), 3)))
                .isZero();
        assertThat(dumped(0, prefix(198, 51, 100, 0, 24))).as("the last path took the route with it").isEmpty();
        assertThat(cli("show ip fib")).doesNotContain(ROUTE);
    }

    @Test
    void shouldTakeDropLocalAndAttachedPathsAndNextHopsOfConnectedSubnets() {
        assertThat(route(true, false, path(FibPathType.FIB_API_PATH_TYPE_DROP, NONE, ip4(0, 0, 0, 0), 0))).isZero();
        assertThat(paths(dumped(0, prefix(198, 51, 100, 0, 24)).orElseThrow()))
                .as("weight 0 is 1").containsExactly(NONE + " .0 FIB_API_PATH_TYPE_DROP w1");
        assertThat(cli("show ip fib " + ROUTE)).contains("dpo-drop");

        assertThat(route(true, false, 0, prefix(203, 0, 113, 7, 32),
                path(FibPathType.FIB_API_PATH_TYPE_LOCAL, 2, ip4(0, 0, 0, 0), 1))).isZero();
        assertThat(paths(dumped(0, prefix(203, 0, 113, 7, 32)).orElseThrow()))
                .containsExactly("2 .7 FIB_API_PATH_TYPE_LOCAL w1");
        assertThat(cli("show ip fib 203.0.113.7/32")).contains("dpo-receive: 203.0.113.7 on pg1");

        assertThat(route(true, false, 0, prefix(192, 0, 2, 0, 24), via(9, 2, NONE))).as("no interface: the connected one")
                .isZero();
        assertThat(paths(dumped(0, prefix(192, 0, 2, 0, 24)).orElseThrow()))
                .containsExactly("2 .9 FIB_API_PATH_TYPE_NORMAL w1");

        assertThat(route(true, false, 0, prefix(192, 0, 2, 77, 24), path(FibPathType.FIB_API_PATH_TYPE_NORMAL, 1,
                ip4(0, 0, 0, 0), 1))).as("host bits cleared; no next hop: attached").isZero();
        assertThat(paths(dumped(0, prefix(192, 0, 2, 0, 24)).orElseThrow()))
                .containsExactly("1 .0 FIB_API_PATH_TYPE_NORMAL w1");
        assertThat(cli("show ip fib 192.0.2.0/24")).contains("ipv4-glean").contains("pg0");
    }

    @Test
    void shouldListEveryPrefixOfTheTableWithItsForwardingPaths() {
        cli("ip route add 192.0.2.0/24 via 10.0.1.9");

        List<IpRouteDetails> all = dump(0, false);
        assertThat(all).extracting(d -> d.route().prefix()).contains(prefix(0, 0, 0, 0, 0), prefix(10, 0, 1, 0, 24),
                prefix(10, 0, 1, 1, 32), prefix(192, 0, 2, 0, 24)).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(d -> {
            assertThat(d.route().tableId()).isZero();
            assertThat(d.route().paths()).isNotEmpty();
        });
        assertThat(paths(dumped(0, prefix(10, 0, 1, 1, 32)).orElseThrow()))
                .containsExactly("1 .1 FIB_API_PATH_TYPE_LOCAL w1");
        assertThat(paths(dumped(0, prefix(192, 0, 2, 0, 24)).orElseThrow()))
                .as("the CLI's route").containsExactly("1 .9 FIB_API_PATH_TYPE_NORMAL w1");

        assertThat(route(true, false, 0, prefix(192, 0, 2, 0, 24), via(9, 2, 2))).isZero();
        assertThat(paths(dumped(0, prefix(192, 0, 2, 0, 24)).orElseThrow()))
                .as("the API's source beats the CLI's").containsExactly("2 .9 FIB_API_PATH_TYPE_NORMAL w1");
        assertThat(route(false, false, 0, prefix(192, 0, 2, 0, 24))).isZero();
        assertThat(paths(dumped(0, prefix(192, 0, 2, 0, 24)).orElseThrow()))
                .as("the CLI's route is back").containsExactly("1 .9 FIB_API_PATH_TYPE_NORMAL w1");
    }

    @Test
    void shouldRouteInTablesCreatedByTheApi() {
        assertThat(route(true, false, 7, prefix(198, 51, 100, 0, 24), via(2, 1, 1)))
                .isEqualTo(ApiErrors.NO_SUCH_FIB);
        assertThat(dump(7, false)).isEmpty();

        assertThat(ip.ipTableAddDel(new IpTableAddDel(0, 0, true, new IpTable(7, false, "blue"))).retval()).isZero();
        assertThat(ip.ipTableAddDel(new IpTableAddDel(0, 0, true, new IpTable(7, false, "blue"))).retval())
                .as("adding it again changes nothing").isZero();
        assertThat(route(true, false, 7, prefix(198, 51, 100, 0, 24), via(2, 1, 1))).isZero();

        assertThat(dumped(7, prefix(198, 51, 100, 0, 24)).orElseThrow().tableId()).isEqualTo(7);
        assertThat(dumped(0, prefix(198, 51, 100, 0, 24))).isEmpty();
        assertThat(cli("show ip fib table 7")).startsWith("ipv4-VRF:7").contains(ROUTE);
        assertThat(cli("show ip fib table 0")).doesNotContain(ROUTE);
        assertThat(ip.ipTableAddDel(new IpTableAddDel(0, 0, true, new IpTable(8, true, ""))).retval())
                .as("IPv6 tables").isEqualTo(ApiErrors.UNIMPLEMENTED);
    }

    @Test
    void shouldAnswerWhatTheFibCannotTakeWithVppsErrorsAndKeepServing() {
        Prefix ip6 = new Prefix(new Address(AddressFamily.ADDRESS_IP6, AddressUnion.ofIp6(new Ip6Address(
                ApiBytes.fromHex("20010db8000000000000000000000000")))), 32);
        assertThat(route(true, false, 0, ip6, via(2, 1, 1))).isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(route(true, false, 0, prefix(198, 51, 100, 0, 33), via(2, 1, 1)))
                .isEqualTo(ApiErrors.INVALID_PREFIX_LENGTH);
        assertThat(route(true, false)).isEqualTo(ApiErrors.NO_PATHS_IN_ROUTE);
        assertThat(route(false, true)).isEqualTo(ApiErrors.NO_PATHS_IN_ROUTE);
        assertThat(route(true, false, via(2, 1, 99))).isEqualTo(ApiErrors.NO_MATCHING_INTERFACE);
        assertThat(route(true, false, path(FibPathType.FIB_API_PATH_TYPE_NORMAL, NONE, ip4(192, 0, 2, 1), 1)))
                .isEqualTo(ApiErrors.NEXT_HOP_NOT_IN_FIB);
        assertThat(route(true, false, path(FibPathType.FIB_API_PATH_TYPE_ICMP_UNREACH, NONE, ip4(0, 0, 0, 0), 1)))
                .isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(dump(0, true)).as("no IPv6 table").isEmpty();
        assertThat(dumped(0, prefix(198, 51, 100, 0, 24))).as("nothing was added").isEmpty();
        assertThat(cli("show ip fib")).doesNotContain(ROUTE);

        assertThat(route(true, false, via(2, 1, 1))).as("still serving").isZero();
        assertThat(served.runtime.apiServer().orElseThrow().counters().handlerErrors())
                .as("refusals are answers, not failures").isZero();
    }
}
