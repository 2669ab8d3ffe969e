package io.vecta.runtime.api;

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
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.neighbor.Ip4Neighbor;
import io.vecta.runtime.neighbor.Ip4NeighborTable;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ip_neighbor} module (VPP's {@code ip_neighbor.api}) over the runtime's
 * {@link Ip4NeighborTable}, the table {@code set ip neighbor} and ARP fill:
 *
 * <pre>
 *   ip_neighbor_add_del   → _reply               IPv4 only; IPv6 is UNIMPLEMENTED
 *   ip_neighbor_dump      → ip_neighbor_details*  one interface or all (~0); IPv6 lists none
 * </pre>
 *
 * The other messages of the file are in the table, so clients find them, but are not
 * answered. Handlers run on the main thread with the workers stopped, as the CLI's changes do.
 */
public final class IpNeighborApi {

    /** {@code sw_if_index} ~0: every interface. */
    private static final long ALL = 0xffff_ffffL;

    /** The reply's {@code stats_index} when there are no per-neighbour counters: ~0, as VPP's "none". */
    private static final long NO_STATS_INDEX = 0xffff_ffffL;

    private static final double NANOS_PER_SECOND = 1e9;

    private final InterfaceTable interfaces;
    private final Ip4NeighborTable neighbors;

    private IpNeighborApi(InterfaceTable interfaces, Ip4NeighborTable neighbors) {
        this.interfaces = interfaces;
        this.neighbors = neighbors;
    }

    /** The {@code ip_neighbor} module with handlers over {@code neighbors} on {@code interfaces}. */
    public static ApiModule module(InterfaceTable interfaces, Ip4NeighborTable neighbors) {
        return ApiModule.fromCodecs(IpNeighborModule.NAME, IpNeighborModule.FILE_CRC, IpNeighborModule.MESSAGES,
                IpNeighborApi_ApiHandlers.bind(new IpNeighborApi(interfaces, neighbors)));
    }

    /**
     * Adds (or replaces) the IPv4 neighbour, static with {@code IP_API_NEIGHBOR_FLAG_STATIC},
     * else dynamic; or removes it ({@link ApiErrors#NO_SUCH_ENTRY} if there is none). The FIB
     * entry is made by the table whatever {@code NO_FIB_ENTRY} says.
     */
    @ApiHandler
    IpNeighborAddDelReply ipNeighborAddDel(IpNeighborAddDel request) {
        IpNeighbor neighbor = request.neighbor();
        Optional<SwInterface> iface = interfaces.find(neighbor.swIfIndex().value());
        if (iface.isEmpty()) {
            return reply(ApiErrors.INVALID_SW_IF_INDEX);
        }
        if (neighbor.ipAddress().af() != AddressFamily.ADDRESS_IP4) {
            return reply(ApiErrors.UNIMPLEMENTED);
        }
        int ip = ip4(neighbor.ipAddress().un().ip4());
        try {
            if (request.isAdd()) {
                long mac = io.vecta.sdk.packet.MacAddress.fromBytes(neighbor.macAddress().value().toArray());
                neighbors.set(iface.get(), ip, mac, neighbor.flags().has(IpNeighborFlags.IP_API_NEIGHBOR_FLAG_STATIC));
                return reply(ApiErrors.OK);
            }
            if (neighbors.find(iface.get().swIfIndex(), ip).isEmpty()) {
                return reply(ApiErrors.NO_SUCH_ENTRY);
            }
            neighbors.remove(iface.get(), ip);
            return reply(ApiErrors.OK);
        } catch (InterfaceException e) {
            // the table is full
            return reply(ApiErrors.UNSPECIFIED);
        }
    }

    /** The IPv4 neighbours of one interface, or of all for ~0; none for IPv6, which has no table. */
    @ApiHandler
    List<IpNeighborDetails> ipNeighborDump(IpNeighborDump request) {
        if (request.af() != AddressFamily.ADDRESS_IP4) {
            return List.of();
        }
        long chosen = request.swIfIndex().value();
        long now = neighbors.nowNanos();
        List<IpNeighborDetails> details = new ArrayList<>();
        for (Ip4Neighbor n : neighbors.all()) {
            if (chosen == ALL || n.swIfIndex() == chosen) {
                details.add(new IpNeighborDetails(0, (now - n.updatedNanos()) / NANOS_PER_SECOND, neighbor(n)));
            }
        }
        return details;
    }

    private static IpNeighbor neighbor(Ip4Neighbor n) {
        IpNeighborFlags flags = n.isStatic() ? IpNeighborFlags.IP_API_NEIGHBOR_FLAG_STATIC
                : IpNeighborFlags.IP_API_NEIGHBOR_FLAG_NONE;
        MacAddress mac = new MacAddress(ApiBytes.of(io.vecta.sdk.packet.MacAddress.toBytes(n.mac())));
        Address ip = new Address(AddressFamily.ADDRESS_IP4, AddressUnion.ofIp4(new Ip4Address(ApiBytes.of(
                (byte) (n.ip() >>> 24), (byte) (n.ip() >>> 16), (byte) (n.ip() >>> 8), (byte) n.ip()))));
        return new IpNeighbor(new InterfaceIndex(n.swIfIndex()), flags, mac, ip);
    }

    /** The address as the table keeps it: the first byte on the wire most significant. */
    private static int ip4(Ip4Address address) {
        ApiBytes b = address.value();
        return b.get(0) << 24 | b.get(1) << 16 | b.get(2) << 8 | b.get(3);
    }

    private static IpNeighborAddDelReply reply(int retval) {
        return new IpNeighborAddDelReply(0, retval, NO_STATS_INDEX);
    }
}
