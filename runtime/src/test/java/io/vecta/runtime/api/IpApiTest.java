package io.vecta.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.api.client.ApiConnection;
import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.ip.IpAddressDetails;
import io.vecta.runtime.api.core.ip.IpAddressDump;
import io.vecta.runtime.api.core.ip.IpModule;
import io.vecta.runtime.api.core.ip_types.AddressFamily;
import io.vecta.runtime.api.core.ip_types.Prefix;
import io.vecta.runtime.api.core.vlib.VlibModule;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiCodecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ip module over the socket, driven by the Java client as an agent would drive it. */
class IpApiTest {

    private static final ApiCodecs CODECS = ApiCodecs.of(VlibModule.MESSAGES, IpModule.MESSAGES);
    private static final long ALL = 0xffff_ffffL;

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

    private List<IpAddressDetails> dump(long swIfIndex, boolean isIpv6) {
        return api.dump(new IpAddressDump(0, 0, new InterfaceIndex(swIfIndex), isIpv6), IpAddressDetails.CODEC);
    }

    private static String text(IpAddressDetails details) {
        Prefix prefix = details.prefix().value();
        ApiBytes b = prefix.address().un().ip4().value();
        return b.get(0) + "." + b.get(1) + "." + b.get(2) + "." + b.get(3) + "/" + prefix.len();
    }

    @Test
    void shouldListTheIp4AddressesOfOneInterfaceOldestFirst() {
        cli("set interface ip address pg1 198.51.100.1/30");
        cli("set interface ip address pg0 192.0.2.1/24");
        cli("set interface ip address pg0 203.0.113.1/28");

        List<IpAddressDetails> pg0 = dump(1, false);
        assertThat(pg0).extracting(IpApiTest::text).containsExactly("192.0.2.1/24", "203.0.113.1/28");
        assertThat(pg0).allSatisfy(d -> {
            assertThat(d.swIfIndex().value()).isEqualTo(1);
            assertThat(d.prefix().value().address().af()).isEqualTo(AddressFamily.ADDRESS_IP4);
        });
        assertThat(dump(2, false)).extracting(IpApiTest::text).containsExactly("198.51.100.1/30");
        assertThat(dump(1, true)).as("no IPv6 addresses are kept").isEmpty();
        assertThat(dump(99, false)).as("no such interface").isEmpty();

        cli("set interface ip address del pg0 192.0.2.1/24");
        assertThat(dump(1, false)).extracting(IpApiTest::text).containsExactly("203.0.113.1/28");
    }
}
