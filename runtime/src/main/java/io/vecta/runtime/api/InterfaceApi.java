package io.vecta.runtime.api;

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
import io.vecta.runtime.api.core.interface_types.SubIfFlags;
import io.vecta.runtime.api.core.ip_types.AddressFamily;
import io.vecta.runtime.api.core.ip_types.Prefix;
import io.vecta.runtime.interfaces.InterfaceException;
import io.vecta.runtime.interfaces.InterfaceListener;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.ip.Ip4InterfaceAddresses;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiErrors;
import io.vecta.sdk.api.ApiReplies;
import io.vecta.sdk.packet.Ip4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code interface} module (VPP's {@code interface.api}) over the graph's
 * {@link InterfaceTable}: listing interfaces, setting them up or down, their L3 MTU and tag,
 * reading their MAC address, giving them IPv4 addresses ({@link Ip4InterfaceAddresses}), and
 * telling subscribed clients when one goes up or down.
 *
 * <pre>
 *   sw_interface_dump              → sw_interface_details*   all, one (sw_if_index), or by name
 *   sw_interface_set_flags         → _reply                  admin up/down
 *   sw_interface_set_mtu           → _reply                  L3 MTU (mtu[0]); no per-protocol ones
 *   sw_interface_get_mac_address   → _reply
 *   sw_interface_tag_add_del       → _reply
 *   sw_interface_add_del_address   → _reply                  IPv4 only; del_all removes every one
 *   want_interface_events          → _reply, then sw_interface_event on each admin change
 * </pre>
 *
 * Every handler is an {@code @ApiHandler} method from the request record to its reply record
 * (or to the list of details of a dump); {@link #module} registers the bindings the generated
 * {@code InterfaceApi_ApiHandlers} gives. The other messages
 * of the file are in the table, so clients find them, but are not answered. Handlers run on
 * the main thread with the workers stopped, as every interface change does; so do the
 * events, sent from the table's {@link io.vecta.runtime.interfaces.InterfaceListener}.
 */
public final class InterfaceApi {

    /** {@code sw_if_index} ~0: every interface. */
    private static final long ALL = 0xffff_ffffL;

    private static final IfStatusFlags DOWN = new IfStatusFlags(0);
    private static final SubIfFlags NO_SUB_IF_FLAGS = new SubIfFlags(0);
    private static final MacAddress NO_MAC = new MacAddress(ApiBytes.zeros(io.vecta.sdk.packet.MacAddress.LENGTH));

    /** A client subscribed to {@code sw_interface_event}, with the pid it gave. */
    private record Subscriber(ApiClient client, long clientIndex, long pid) {
    }

    private final InterfaceTable table;
    private final Ip4InterfaceAddresses addresses;
    private final Map<ApiClient, Subscriber> subscribers = new ConcurrentHashMap<>();

    private InterfaceApi(InterfaceTable table, Ip4InterfaceAddresses addresses) {
        this.table = table;
        this.addresses = addresses;
    }

    /**
     * The {@code interface} module with handlers over {@code table} and the interfaces' IPv4
     * {@code addresses}; the table from now on tells subscribed clients of every admin state
     * change.
     */
    public static ApiModule module(InterfaceTable table, Ip4InterfaceAddresses addresses) {
        InterfaceApi api = new InterfaceApi(table, addresses);
        table.addListener(new InterfaceListener() {
            @Override
            public void adminStateChanged(SwInterface iface) {
                api.tellSubscribers(iface, false);
            }

            @Override
            public void deleted(SwInterface iface) {
                api.tellSubscribers(iface, true);
            }
        });
        return ApiModule.fromCodecs(InterfaceModule.NAME, InterfaceModule.FILE_CRC, InterfaceModule.MESSAGES,
                InterfaceApi_ApiHandlers.bind(api));
    }

    /**
     * The interfaces asked for, as VPP chooses them: with {@code name_filter_valid}, every one
     * whose name contains the filter, ignoring case (sw_if_index is not looked at); otherwise
     * all for sw_if_index ~0 or 0, else that one, or none if there is no such interface.
     */
    @ApiHandler
    List<SwInterfaceDetails> swInterfaceDump(SwInterfaceDump request) {
        long index = request.swIfIndex().value();
        if (!request.nameFilterValid() && index != ALL && index != 0) {
            return find(index).map(iface -> List.of(details(iface, request.context()))).orElse(List.of());
        }
        String filter = request.nameFilterValid() ? request.nameFilter().toLowerCase(Locale.ROOT) : null;
        List<SwInterface> all = table.all();
        List<SwInterfaceDetails> chosen = new ArrayList<>(all.size());
        for (SwInterface iface : all) {
            if (filter == null || iface.name().toLowerCase(Locale.ROOT).contains(filter)) {
                chosen.add(details(iface, request.context()));
            }
        }
        return chosen;
    }

    /** Admin up if the flags have {@code IF_STATUS_API_FLAG_ADMIN_UP}, else down; link up is not read. */
    @ApiHandler
    SwInterfaceSetFlagsReply swInterfaceSetFlags(SwInterfaceSetFlags request) {
        Optional<SwInterface> iface = find(request.swIfIndex().value());
        if (iface.isEmpty()) {
            return new SwInterfaceSetFlagsReply(request.context(), ApiErrors.INVALID_SW_IF_INDEX);
        }
        try {
            table.setAdminUp(iface.get(), request.flags().has(IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP));
            return new SwInterfaceSetFlagsReply(request.context(), 0);
        } catch (InterfaceException e) {
            return new SwInterfaceSetFlagsReply(request.context(), ApiErrors.UNSPECIFIED);
        }
    }

    /**
     * The L3 MTU from {@code mtu[MTU_PROTO_API_L3]}, 68 to 65535 ({@link ApiErrors#INVALID_VALUE}
     * otherwise). The table keeps no per-protocol MTUs: the IPv4, IPv6 and MPLS slots must be 0,
     * "as L3", or the answer is {@link ApiErrors#UNIMPLEMENTED}.
     */
    @ApiHandler
    SwInterfaceSetMtuReply swInterfaceSetMtu(SwInterfaceSetMtu request) {
        Optional<SwInterface> iface = find(request.swIfIndex().value());
        if (iface.isEmpty()) {
            return new SwInterfaceSetMtuReply(request.context(), ApiErrors.INVALID_SW_IF_INDEX);
        }
        List<Long> mtu = request.mtu();
        for (int proto = 1; proto < mtu.size(); proto++) {
            if (mtu.get(proto) != 0) {
                return new SwInterfaceSetMtuReply(request.context(), ApiErrors.UNIMPLEMENTED);
            }
        }
        long l3 = mtu.getFirst();
        if (l3 < 68 || l3 > 65535) {
            return new SwInterfaceSetMtuReply(request.context(), ApiErrors.INVALID_VALUE);
        }
        table.setMtu(iface.get(), (int) l3);
        return new SwInterfaceSetMtuReply(request.context(), 0);
    }

    /** The interface's Ethernet address; zeros for one without (local0). */
    @ApiHandler
    SwInterfaceGetMacAddressReply swInterfaceGetMacAddress(SwInterfaceGetMacAddress request) {
        Optional<SwInterface> iface = find(request.swIfIndex().value());
        return iface.map(i -> new SwInterfaceGetMacAddressReply(request.context(), 0, mac(i)))
                .orElseGet(() -> new SwInterfaceGetMacAddressReply(request.context(), ApiErrors.INVALID_SW_IF_INDEX, NO_MAC));
    }

    /** Sets the tag ({@code is_add}, a tag that is not empty, else {@link ApiErrors#INVALID_VALUE}) or removes it. */
    @ApiHandler
    SwInterfaceTagAddDelReply swInterfaceTagAddDel(SwInterfaceTagAddDel request) {
        Optional<SwInterface> iface = find(request.swIfIndex().value());
        if (iface.isEmpty()) {
            return new SwInterfaceTagAddDelReply(request.context(), ApiErrors.INVALID_SW_IF_INDEX);
        }
        if (request.isAdd() && request.tag().isEmpty()) {
            return new SwInterfaceTagAddDelReply(request.context(), ApiErrors.INVALID_VALUE);
        }
        table.setTag(iface.get(), request.isAdd() ? request.tag() : "");
        return new SwInterfaceTagAddDelReply(request.context(), 0);
    }

    /**
     * Gives the interface the IPv4 address ({@code is_add}) or takes it away, as
     * {@code set interface ip address [del]}; {@code del_all} takes every address away, whatever
     * the prefix says. An IPv6 prefix is {@link ApiErrors#UNIMPLEMENTED}; what the addresses
     * refuse (one there already, a subnet overlapping another interface's, one not there) is
     * {@link ApiErrors#UNSPECIFIED}, as from VPP, which answers every such refusal so.
     */
    @ApiHandler
    SwInterfaceAddDelAddressReply swInterfaceAddDelAddress(SwInterfaceAddDelAddress request) {
        Optional<SwInterface> iface = find(request.swIfIndex().value());
        if (iface.isEmpty()) {
            return new SwInterfaceAddDelAddressReply(request.context(), ApiErrors.INVALID_SW_IF_INDEX);
        }
        try {
            if (request.delAll()) {
                for (Ip4Prefix address : addresses.of(iface.get())) {
                    addresses.remove(iface.get(), address);
                }
                return new SwInterfaceAddDelAddressReply(request.context(), 0);
            }
            Prefix prefix = request.prefix().value();
            if (prefix.address().af() != AddressFamily.ADDRESS_IP4) {
                return new SwInterfaceAddDelAddressReply(request.context(), ApiErrors.UNIMPLEMENTED);
            }
            if (prefix.len() > Ip4Prefix.MAX_LENGTH) {
                return new SwInterfaceAddDelAddressReply(request.context(), ApiErrors.INVALID_VALUE);
            }
            ApiBytes b = prefix.address().un().ip4().value();
            Ip4Prefix address = new Ip4Prefix(b.get(0) << 24 | b.get(1) << 16 | b.get(2) << 8 | b.get(3), prefix.len());
            if (request.isAdd()) {
                addresses.add(iface.get(), address);
            } else {
                addresses.remove(iface.get(), address);
            }
            return new SwInterfaceAddDelAddressReply(request.context(), 0);
        } catch (InterfaceException e) {
            return new SwInterfaceAddDelAddressReply(request.context(), ApiErrors.UNSPECIFIED);
        }
    }

    /**
     * Subscribes {@code client} ({@code enable_disable} not 0) or ends its subscription, as VPP's
     * event registrations do: subscribing twice, or ending a subscription there is none of, is
     * {@link ApiErrors#INVALID_REGISTRATION}.
     */
    @ApiHandler
    void wantInterfaceEvents(WantInterfaceEvents request, ApiReplies replies) {
        // the server answers through its own sink, which knows the client the events go to
        if (!(((ApiReplySink) replies).client() instanceof ApiClient client)) {
            // a replayed trace has no connection to send events to: nothing to subscribe
            replies.reply(new WantInterfaceEventsReply(request.context(), 0));
            return;
        }
        boolean subscribed = subscribers.containsKey(client);
        boolean enable = request.enableDisable() != 0;
        if (enable == subscribed) {
            replies.reply(new WantInterfaceEventsReply(request.context(), ApiErrors.INVALID_REGISTRATION));
            return;
        }
        if (enable) {
            subscribers.put(client, new Subscriber(client, request.clientIndex(), request.pid()));
        } else {
            subscribers.remove(client);
        }
        replies.reply(new WantInterfaceEventsReply(request.context(), 0));
    }

    /**
     * From the table, on the main thread, when {@code iface} went up or down or was deleted: one
     * event per subscriber; subscribers gone are forgotten.
     */
    private void tellSubscribers(SwInterface iface, boolean deleted) {
        if (subscribers.isEmpty()) {
            return;
        }
        IfStatusFlags flags = flags(iface);
        for (Subscriber subscriber : subscribers.values()) {
            if (!subscriber.client().isConnected()) {
                subscribers.remove(subscriber.client());
                continue;
            }
            // VPP echoes the client_index and pid the subscription carried
            subscriber.client().send(new SwInterfaceEvent(subscriber.clientIndex(), subscriber.pid(),
                    new InterfaceIndex(iface.swIfIndex()), flags, deleted));
        }
    }

    private Optional<SwInterface> find(long swIfIndex) {
        return table.find(swIfIndex);
    }

    /**
     * What VPP fills in for a port: its own index as parent, its MAC, admin and link state,
     * kind hardware, duplex and speed unknown, the L3 MTU as link MTU and in {@code mtu[L3]}
     * (the per-protocol slots 0: they take the L3 one), no sub-interface, tag rewrite or PBB
     * settings, its name, its device class and its tag. local0 has no MTU, as in
     * {@code show interface}.
     */
    private static SwInterfaceDetails details(SwInterface iface, long context) {
        int mtu = iface.swIfIndex() == InterfaceTable.LOCAL0 ? 0 : iface.mtu();
        return new SwInterfaceDetails(context, new InterfaceIndex(iface.swIfIndex()), iface.swIfIndex(), mac(iface),
                flags(iface), IfType.IF_API_TYPE_HARDWARE, LinkDuplex.LINK_DUPLEX_API_UNKNOWN, 0, mtu,
                List.of((long) mtu, 0L, 0L, 0L), 0, 0, 0, 0, NO_SUB_IF_FLAGS, 0, 0, 0, 0, 0, NO_MAC, NO_MAC, 0, 0,
                iface.name(), iface.deviceClass().name(), iface.tag());
    }

    /**
     * Admin state as set; link state as VPP's devices report it for these: a pg interface's
     * link follows its admin state, local0 has none.
     */
    private static IfStatusFlags flags(SwInterface iface) {
        if (!iface.isAdminUp()) {
            return DOWN;
        }
        IfStatusFlags flags = IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP;
        return iface.deviceClass().equals(InterfaceTable.LOCAL) ? flags
                : flags.with(IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP);
    }

    private static MacAddress mac(SwInterface iface) {
        return iface.mac() == 0 ? NO_MAC
                : new MacAddress(ApiBytes.of(io.vecta.sdk.packet.MacAddress.toBytes(iface.mac())));
    }
}
