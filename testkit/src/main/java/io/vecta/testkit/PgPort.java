package io.vecta.testkit;

import io.vecta.sdk.packet.MacAddress;

/**
 * A pg interface of the runtime under test, up: where a test sends packets in and captures what
 * comes out.
 *
 * @param name      {@code pg0}, {@code pg1} ...
 * @param swIfIndex its index, as buffers carry it
 * @param macValue  its MAC address, 48 bits in a long
 */
public record PgPort(String name, int swIfIndex, long macValue) {

    /** Its MAC address as text: {@code 02:fe:00:00:00:01}. */
    public String mac() {
        return MacAddress.format(macValue);
    }

    /**
     * A MAC address for the host on the other side of the port, as VPP's tests give each pg
     * interface a remote host: {@code 02:01:00:00:hh:ll} from the interface's index.
     */
    public String peerMac() {
        return MacAddress.format(0x0201_0000_0000L | swIfIndex);
    }
}
