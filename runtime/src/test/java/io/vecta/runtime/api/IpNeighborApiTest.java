package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.core.ethernet_types.MacAddress;
import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighbor;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighborAddDel;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighborAddDelReply;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighborDetails;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighborDump;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighborFlags;
import io.vecta.runtime.api.core.ip_neighbor.IpNeighborModule;
import io.vecta.runtime.api.core.ip_types.Address;
import io.vecta.runtime.api.core.ip_types.AddressFamily;
import io.vecta.runtime.api.core.ip_types.AddressUnion;
import io.vecta.runtime.api.core.ip_types.Ip4Address;
import io.vecta.runtime.api.core.ip_types.Ip6Address;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.ApiErrors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ip_neighbor module over the socket, driven by the Java client as an agent would drive it. */
class IpNeighborApiTest {

    private static final ApiCodecs CODECS = ApiCodecs.of(VlibModule.MESSAGES, IpNeighborModule.MESSAGES);
    private static final long ALL = 0xffff_ffffL;
    private static final MacAddress MAC = new MacAddress(ApiBytes.fromHex("0200c0000202"));

    @TempDir
    Path dir;

    private ServedRuntime served;
    private ApiConnection api;

    @BeforeEach
    void start() {
        served = new ServedRuntime(dir, CODECS);
        api = served.api;
        cli("create packet-generator interface pg0");
        cli("create packet-generator interface pg1");
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

    private IpNeighborAddDelReply addDel(boolean isAdd, long swIfIndex, IpNeighborFlags flags, Address ip) {
        return api.call(new IpNeighborAddDel(0, 0, isAdd, new IpNeighbor(new InterfaceIndex(swIfIndex), flags, MAC, ip)),
                IpNeighborAddDelReply.CODEC);
    }

    private List<IpNeighborDetails> dump(long swIfIndex, AddressFamily af) {
        return api.dump(new IpNeighborDump(0, 0, new InterfaceIndex(swIfIndex), af), IpNeighborDetails.CODEC);
    }

    @Test
    void shouldAddListAndDeleteAnIp4Neighbor() {
        IpNeighborAddDelReply added = addDel(true, 1, IpNeighborFlags.IP_API_NEIGHBOR_FLAG_STATIC, ip4(192, 0, 2, 2));
        assertThat(added.retval()).isZero();
        assertThat(added.statsIndex()).as("no per-neighbour counters: ~0").isEqualTo(ALL);
        assertThat(addDel(true, 2, IpNeighborFlags.IP_API_NEIGHBOR_FLAG_NONE, ip4(198, 51, 100, 7)).retval()).isZero();

        List<IpNeighborDetails> all = dump(ALL, AddressFamily.ADDRESS_IP4);
        assertThat(all).extracting(d -> d.neighbor().ipAddress()).containsExactly(ip4(192, 0, 2, 2), ip4(198, 51, 100, 7));
        IpNeighbor first = all.getFirst().neighbor();
        assertThat(first.swIfIndex().value()).isEqualTo(1);
        assertThat(first.macAddress()).isEqualTo(MAC);
        assertThat(first.flags()).isEqualTo(IpNeighborFlags.IP_API_NEIGHBOR_FLAG_STATIC);
        assertThat(all.get(1).neighbor().flags()).isEqualTo(IpNeighborFlags.IP_API_NEIGHBOR_FLAG_NONE);
        assertThat(all.getFirst().age()).isGreaterThanOrEqualTo(0.0);
        assertThat(dump(2, AddressFamily.ADDRESS_IP4)).extracting(d -> d.neighbor().ipAddress())
                .containsExactly(ip4(198, 51, 100, 7));
        assertThat(dump(ALL, AddressFamily.ADDRESS_IP6)).as("no IPv6 neighbours are kept").isEmpty();
        assertThat(cli("show ip neighbors")).contains("192.0.2.2").contains("02:00:c0:00:02:02").contains("pg0")
                .contains("198.51.100.7");

        assertThat(addDel(false, 1, IpNeighborFlags.IP_API_NEIGHBOR_FLAG_NONE, ip4(192, 0, 2, 2)).retval()).isZero();
        assertThat(dump(ALL, AddressFamily.ADDRESS_IP4)).extracting(d -> d.neighbor().ipAddress())
                .containsExactly(ip4(198, 51, 100, 7));
        assertThat(cli("show ip neighbors")).doesNotContain("192.0.2.2");
    }

    @Test
    void shouldAnswerBadRequestsWithVppsErrors() {
        assertThat(addDel(true, 99, IpNeighborFlags.IP_API_NEIGHBOR_FLAG_NONE, ip4(192, 0, 2, 2)).retval())
                .isEqualTo(ApiErrors.INVALID_SW_IF_INDEX);
        assertThat(addDel(false, 1, IpNeighborFlags.IP_API_NEIGHBOR_FLAG_NONE, ip4(192, 0, 2, 9)).retval())
                .isEqualTo(ApiErrors.NO_SUCH_ENTRY);
        Address ip6 = new Address(AddressFamily.ADDRESS_IP6, AddressUnion.ofIp6(new Ip6Address(ApiBytes.fromHex(
                "20010db8000000000000000000000001"))));
        assertThat(addDel(true, 1, IpNeighborFlags.IP_API_NEIGHBOR_FLAG_NONE, ip6).retval())
                .isEqualTo(ApiErrors.UNIMPLEMENTED);
        assertThat(dump(ALL, AddressFamily.ADDRESS_IP4)).isEmpty();
    }
}
