package io.vecta.runtime.api;

import io.vecta.runtime.api.core.fib_types.FibMplsLabel;
import io.vecta.runtime.api.core.fib_types.FibPathFlags;
import io.vecta.runtime.api.core.fib_types.FibPathNh;
import io.vecta.runtime.api.core.fib_types.FibPathNhProto;
import io.vecta.runtime.api.core.fib_types.FibPathType;
import io.vecta.runtime.api.core.ip_types.AddressUnion;
import io.vecta.runtime.api.core.ip_types.Ip4Address;
import io.vecta.runtime.fib.FibPath;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiErrors;
import java.util.Collections;
import java.util.List;

/**
 * Paths between the API's {@code fib_path} and the FIB's {@link FibPath}, as VPP decodes and
 * encodes them for IPv4 routes:
 *
 * <pre>
 *   type    next hop   sw_if_index   FIB path
 *   NORMAL  a.b.c.d    interface     via a.b.c.d on the interface (attached-nexthop)
 *   NORMAL  a.b.c.d    ~0            via a.b.c.d on the interface whose connected subnet holds it
 *   NORMAL  0.0.0.0    interface     attached: the interface, ARP for each destination (glean)
 *   LOCAL   any        interface/~0  receive: for this host (~0: local0)
 *   DROP    -          -             drop
 * </pre>
 *
 * What the FIB cannot do is refused with {@link ApiErrors#UNIMPLEMENTED}: recursive and
 * table-lookup paths (no interface, next hop outside every connected subnet gives
 * {@link ApiErrors#NEXT_HOP_NOT_IN_FIB}; 0.0.0.0 without an interface), other path types,
 * IPv6/MPLS next hops, labels, path flags, and preferences other than 0 (every path of a route
 * is in use). A weight of 0 is 1, as in VPP.
 */
final class ApiFibPaths {

    /** {@code sw_if_index} ~0: no interface. */
    static final long NO_INTERFACE = 0xffff_ffffL;

    private static final List<FibMplsLabel> NO_LABELS = Collections.nCopies(16, new FibMplsLabel(0, 0, 0, 0));
    private static final AddressUnion NO_ADDRESS = AddressUnion.ofBytes(ApiBytes.zeros(AddressUnion.MIN_SIZE));

    /** A path the FIB cannot take; {@link #retval} says why, in VPP's code. */
    static final class Refused extends RuntimeException {

        final int retval;

        Refused(int retval, String why) {
            super(why, null, false, false);
            this.retval = retval;
        }
    }

    private final InterfaceTable interfaces;
    private final Ip4InterfaceAddresses addresses;

    ApiFibPaths(InterfaceTable interfaces, Ip4InterfaceAddresses addresses) {
        this.interfaces = interfaces;
        this.addresses = addresses;
    }

    /**
     * The FIB path for {@code path} of a route to {@code prefixAddress}.
     *
     * @throws Refused with VPP's error code when the FIB cannot take it
     */
    FibPath decode(io.vecta.runtime.api.core.fib_types.FibPath path, int prefixAddress) {
        if (path.proto() != FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4) {
            throw new Refused(ApiErrors.UNIMPLEMENTED, "next hop protocol " + path.proto());
        }
        if (path.nLabels() != 0 || path.preference() != 0
                || !path.flags().equals(FibPathFlags.FIB_API_PATH_FLAG_NONE)) {
            throw new Refused(ApiErrors.UNIMPLEMENTED, "labels, preferences and path flags");
        }
        int weight = path.weight() == 0 ? 1 : path.weight();
        long sw = path.swIfIndex();
        int nextHop = ip4(path.nh().address().ip4());
        return switch (path.type()) {
            case FIB_API_PATH_TYPE_DROP -> new FibPath(FibPath.Kind.DROP, 0, -1, weight);
            case FIB_API_PATH_TYPE_LOCAL -> new FibPath(FibPath.Kind.RECEIVE, nextHop == 0 ? prefixAddress : nextHop,
                    sw == NO_INTERFACE ? InterfaceTable.LOCAL0 : existing(sw), weight);
            case FIB_API_PATH_TYPE_NORMAL -> {
                if (sw != NO_INTERFACE) {
                    int on = existing(sw);
                    yield nextHop == 0 ? new FibPath(FibPath.Kind.ATTACHED, 0, on, weight)
                            : FibPath.via(nextHop, on, weight);
                }
                if (nextHop == 0) {
                    throw new Refused(ApiErrors.UNIMPLEMENTED, "lookup in another table");
                }
                int connected = addresses.connectedInterface(nextHop);
                if (connected < 0) {
                    throw new Refused(ApiErrors.NEXT_HOP_NOT_IN_FIB, "next hop in no connected subnet");
                }
                yield FibPath.via(nextHop, connected, weight);
            }
            default -> throw new Refused(ApiErrors.UNIMPLEMENTED, "path type " + path.type());
        };
    }

    /** {@code path} as VPP's {@code ip_route_details} report it. */
    static io.vecta.runtime.api.core.fib_types.FibPath encode(FibPath path) {
        FibPathType type = switch (path.kind()) {
            case ATTACHED_NEXT_HOP, ATTACHED -> FibPathType.FIB_API_PATH_TYPE_NORMAL;
            case RECEIVE -> FibPathType.FIB_API_PATH_TYPE_LOCAL;
            case DROP -> FibPathType.FIB_API_PATH_TYPE_DROP;
        };
        long sw = path.swIfIndex() < 0 ? NO_INTERFACE : path.swIfIndex();
        AddressUnion nextHop = path.kind() == FibPath.Kind.ATTACHED_NEXT_HOP || path.kind() == FibPath.Kind.RECEIVE
                ? AddressUnion.ofIp4(ip4(path.nextHop())) : NO_ADDRESS;
        return new io.vecta.runtime.api.core.fib_types.FibPath(sw, 0, 0, path.weight(), 0, type,
                FibPathFlags.FIB_API_PATH_FLAG_NONE, FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4,
                new FibPathNh(nextHop, 0, 0, 0), 0, NO_LABELS);
    }

    private int existing(long sw) {
        if (interfaces.find(sw).isEmpty()) {
            throw new Refused(ApiErrors.NO_MATCHING_INTERFACE, "no interface " + sw);
        }
        return (int) sw;
    }

    /** The address as the FIB keeps it: the first byte on the wire most significant. */
    static int ip4(Ip4Address address) {
        ApiBytes b = address.value();
        return (b.get(0) & 0xff) << 24 | (b.get(1) & 0xff) << 16 | (b.get(2) & 0xff) << 8 | (b.get(3) & 0xff);
    }

    static Ip4Address ip4(int address) {
        return new Ip4Address(ApiBytes.of((byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
                (byte) address));
    }
}
