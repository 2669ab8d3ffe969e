package io.vecta.runtime.api;

import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.ip.IpAddressDetails;
import io.vecta.runtime.api.core.ip.IpAddressDump;
import io.vecta.runtime.api.core.ip.IpModule;
import io.vecta.runtime.api.core.ip.IpRoute;
import io.vecta.runtime.api.core.ip.IpRouteAddDel;
import io.vecta.runtime.api.core.ip.IpRouteAddDelReply;
import io.vecta.runtime.api.core.ip.IpRouteDetails;
import io.vecta.runtime.api.core.ip.IpRouteDump;
import io.vecta.runtime.api.core.ip.IpTableAddDel;
import io.vecta.runtime.api.core.ip.IpTableAddDelReply;
import io.vecta.runtime.api.core.ip_types.Address;
import io.vecta.runtime.api.core.ip_types.AddressFamily;
import io.vecta.runtime.api.core.ip_types.AddressUnion;
import io.vecta.runtime.api.core.ip_types.AddressWithPrefix;
import io.vecta.runtime.api.core.ip_types.Ip4Address;
import io.vecta.runtime.api.core.ip_types.Prefix;
import io.vecta.runtime.fib.FibPath;
import io.vecta.runtime.fib.FibSource;
import io.vecta.runtime.fib.Ip4Fib;
import io.vecta.runtime.fib.Ip4FibTable;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiErrors;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ip} module (VPP's {@code ip.api}) over the interfaces' IPv4 addresses
 * ({@link Ip4InterfaceAddresses}) and the IPv4 FIB ({@link Ip4Fib}):
 *
 * <pre>
 *   ip_address_dump    → ip_address_details*   the IPv4 addresses of one interface; none for IPv6
 *   ip_table_add_del   → _reply                 IPv4 tables; table 0 always exists
 *   ip_route_add_del   → _reply                 IPv4 routes as the API's source; IPv6 UNIMPLEMENTED
 *   ip_route_dump      → ip_route_details*      every prefix of one IPv4 table; none for IPv6
 * </pre>
 *
 * Routes go through the same {@link Ip4Fib#addRoute}/{@link Ip4Fib#delRoute} as {@code ip route},
 * under the {@link FibSource#API} source (VPP's {@code FIB_SOURCE_API}), so a prefix set by both
 * forwards by the API's paths and each keeps its own. {@code is_multipath} as in VPP: without it,
 * an add replaces the API's paths of the prefix and a delete removes the route; with it, an add
 * adds paths and a delete removes just the paths given (the route goes with its last one). The
 * reply's {@code stats_index} is ~0: there are no per-route counters. Paths:
 * {@code ApiFibPaths}.
 *
 * <p>The other messages of the file are in the table, so clients find them, but are not
 * answered. Handlers run on the main thread with the workers stopped, as FIB changes must.
 */
public final class IpApi {

    /** The reply's {@code stats_index} when there are no per-route counters: ~0, VPP's "none". */
    private static final long NO_STATS_INDEX = 0xffff_ffffL;

    private final InterfaceTable interfaces;
    private final Ip4InterfaceAddresses addresses;
    private final Ip4Fib fib;
    private final ApiFibPaths paths;

    private IpApi(InterfaceTable interfaces, Ip4InterfaceAddresses addresses, Ip4Fib fib) {
        this.interfaces = interfaces;
        this.addresses = addresses;
        this.fib = fib;
        this.paths = new ApiFibPaths(interfaces, addresses);
    }

    /**
     * The {@code ip} module with handlers over the {@code addresses} of {@code interfaces} and the
     * IPv4 {@code fib}.
     */
    public static ApiModule module(InterfaceTable interfaces, Ip4InterfaceAddresses addresses, Ip4Fib fib) {
        return ApiModule.fromCodecs(IpModule.NAME, IpModule.FILE_CRC, IpModule.MESSAGES,
                IpApi_ApiHandlers.bind(new IpApi(interfaces, addresses, fib)));
    }

    /**
     * Creates IPv4 table {@code table_id} ({@code is_add}); table 0 always exists and is never
     * touched, as in VPP. Deleting a table that does not exist is done at once; deleting one
     * that does is {@link ApiErrors#UNIMPLEMENTED} (the FIB keeps its tables), as is IPv6.
     */
    @ApiHandler
    IpTableAddDelReply ipTableAddDel(IpTableAddDel request) {
        return new IpTableAddDelReply(0, tableAddDel(request.isAdd(), request.table().isIp6(),
                request.table().tableId()));
    }

    private int tableAddDel(boolean isAdd, boolean isIp6, long tableId) {
        if (isIp6) {
            return ApiErrors.UNIMPLEMENTED;
        }
        if (tableId > Integer.MAX_VALUE) {
            return ApiErrors.INVALID_VALUE;
        }
        if (tableId == 0) {
            return ApiErrors.OK;
        }
        if (isAdd) {
            fib.createTable((int) tableId);
            return ApiErrors.OK;
        }
        return fib.findTable((int) tableId).isEmpty() ? ApiErrors.OK : ApiErrors.UNIMPLEMENTED;
    }

    /**
     * Adds, replaces or deletes the API's IPv4 route, or adds or removes some of its paths with
     * {@code is_multipath}. Errors, as VPP's: IPv6 {@link ApiErrors#UNIMPLEMENTED}, a table that
     * does not exist {@link ApiErrors#NO_SUCH_FIB}, a length over 32
     * {@link ApiErrors#INVALID_PREFIX_LENGTH}, an add or a multipath change without paths
     * {@link ApiErrors#NO_PATHS_IN_ROUTE}, and those of {@code ApiFibPaths.decode}. Host bits of
     * the prefix are cleared, as {@code ip route} does. Deleting a route or paths that are not
     * there changes nothing and succeeds, as in VPP.
     */
    @ApiHandler
    IpRouteAddDelReply ipRouteAddDel(IpRouteAddDel request) {
        return new IpRouteAddDelReply(0, routeAddDel(request), NO_STATS_INDEX);
    }

    private int routeAddDel(IpRouteAddDel request) {
        IpRoute route = request.route();
        Prefix given = route.prefix();
        if (given.address().af() != AddressFamily.ADDRESS_IP4) {
            return ApiErrors.UNIMPLEMENTED;
        }
        if (given.len() > Ip4Prefix.MAX_LENGTH) {
            return ApiErrors.INVALID_PREFIX_LENGTH;
        }
        if (route.tableId() > Integer.MAX_VALUE) {
            return ApiErrors.NO_SUCH_FIB;
        }
        int tableId = (int) route.tableId();
        Optional<Ip4FibTable> table = fib.findTable(tableId);
        if (table.isEmpty()) {
            return ApiErrors.NO_SUCH_FIB;
        }
        int address = ApiFibPaths.ip4(given.address().un().ip4());
        io.vecta.runtime.fib.Ip4Prefix prefix = new io.vecta.runtime.fib.Ip4Prefix(
                io.vecta.runtime.fib.Ip4Prefix.mask(address, given.len()), given.len());
        List<FibPath> asked = new ArrayList<>(route.paths().size());
        try {
            for (io.vecta.runtime.api.core.fib_types.FibPath path : route.paths()) {
                asked.add(paths.decode(path, prefix.address()));
            }
        } catch (ApiFibPaths.Refused refused) {
            return refused.retval;
        }
        if (asked.isEmpty() && (request.isAdd() || request.isMultipath())) {
            return ApiErrors.NO_PATHS_IN_ROUTE;
        }
        try {
            if (!request.isMultipath()) {
                if (request.isAdd()) {
                    fib.addRoute(tableId, prefix, asked);
                } else {
                    fib.delRoute(tableId, prefix);
                }
                return ApiErrors.OK;
            }
            List<FibPath> now = new ArrayList<>(table.get().pathsOf(prefix, FibSource.API));
            if (request.isAdd()) {
                for (FibPath path : asked) {
                    if (!now.contains(path)) {
                        now.add(path);
                    }
                }
            } else {
                now.removeAll(asked);
            }
            if (!now.isEmpty()) {
                fib.addRoute(tableId, prefix, now);
            } else {
                fib.delRoute(tableId, prefix);
            }
            return ApiErrors.OK;
        } catch (IllegalArgumentException e) {
            // the FIB's pools refused (out of indices)
            return ApiErrors.UNSPECIFIED;
        }
    }

    /**
     * One {@code ip_route_details} per prefix of IPv4 table {@code table_id}, in address order,
     * with the paths that forward it (its best source's), as VPP walks a table: the table's own
     * drops and the interfaces' prefixes included. Nothing for a table that does not exist or for
     * IPv6.
     */
    @ApiHandler
    List<IpRouteDetails> ipRouteDump(IpRouteDump request) {
        long tableId = request.table().tableId();
        if (request.table().isIp6() || tableId > Integer.MAX_VALUE) {
            return List.of();
        }
        Optional<Ip4FibTable> table = fib.findTable((int) tableId);
        if (table.isEmpty()) {
            return List.of();
        }
        List<IpRouteDetails> details = new ArrayList<>();
        for (io.vecta.runtime.fib.Ip4Prefix prefix : table.get().prefixes()) {
            List<FibSource> sources = table.get().sourcesOf(prefix);
            List<io.vecta.runtime.api.core.fib_types.FibPath> encoded = new ArrayList<>();
            for (FibPath path : table.get().pathsOf(prefix, sources.getFirst())) {
                encoded.add(ApiFibPaths.encode(path));
            }
            Prefix wire = new Prefix(new Address(AddressFamily.ADDRESS_IP4,
                    AddressUnion.ofIp4(ApiFibPaths.ip4(prefix.address()))), prefix.length());
            details.add(new IpRouteDetails(0, new IpRoute(tableId, NO_STATS_INDEX, wire, encoded)));
        }
        return details;
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
