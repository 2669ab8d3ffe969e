package io.vecta.runtime.api;

import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.ip.IpAddressDetails;
import io.vecta.runtime.api.core.ip.IpAddressDump;
import io.vecta.runtime.api.core.ip.IpModule;
import io.vecta.runtime.api.core.ip_types.Address;
import io.vecta.runtime.api.core.ip_types.AddressFamily;
import io.vecta.runtime.api.core.ip_types.AddressUnion;
import io.vecta.runtime.api.core.ip_types.AddressWithPrefix;
import io.vecta.runtime.api.core.ip_types.Ip4Address;
import io.vecta.runtime.api.core.ip_types.Prefix;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ip} module (VPP's {@code ip.api}) over the interfaces' IPv4 addresses
 * ({@link Ip4InterfaceAddresses}):
 *
 * <pre>
 *   ip_address_dump   → ip_address_details*   the IPv4 addresses of one interface; none for IPv6
 * </pre>
 *
 * The other messages of the file are in the table, so clients find them, but are not
 * answered. Handlers run on the main thread with the workers stopped.
 */
public final class IpApi {

    private final InterfaceTable interfaces;
    private final Ip4InterfaceAddresses addresses;

    private IpApi(InterfaceTable interfaces, Ip4InterfaceAddresses addresses) {
        this.interfaces = interfaces;
        this.addresses = addresses;
    }

    /** The {@code ip} module with handlers over the {@code addresses} of {@code interfaces}. */
    public static ApiModule module(InterfaceTable interfaces, Ip4InterfaceAddresses addresses) {
        return ApiModule.fromCodecs(IpModule.NAME, IpModule.FILE_CRC, IpModule.MESSAGES,
                IpApi_ApiHandlers.bind(new IpApi(interfaces, addresses)));
    }

    /**
     * The addresses of {@code sw_if_index}, oldest first, as VPP lists one interface's: nothing
     * for an interface that is not there (VPP asks for one, ~0 is not "all") or for IPv6.
     */
    @ApiHandler
    List<IpAddressDetails> ipAddressDump(IpAddressDump request) {
        Optional<SwInterface> iface = interfaces.find(request.swIfIndex().value());
        if (iface.isEmpty() || request.isIpv6()) {
            return List.of();
        }
        InterfaceIndex index = new InterfaceIndex(iface.get().swIfIndex());
        return addresses.of(iface.get()).stream().map(a -> new IpAddressDetails(0, index, prefix(a))).toList();
    }

    private static AddressWithPrefix prefix(Ip4Prefix a) {
        int ip = a.address();
        Ip4Address ip4 = new Ip4Address(ApiBytes.of((byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip));
        return new AddressWithPrefix(new Prefix(new Address(AddressFamily.ADDRESS_IP4, AddressUnion.ofIp4(ip4)), a.length()));
    }
}
