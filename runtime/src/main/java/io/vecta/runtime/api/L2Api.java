package io.vecta.runtime.api;

import io.vecta.runtime.api.core.ethernet_types.MacAddress;
import io.vecta.runtime.api.core.interface_types.InterfaceIndex;
import io.vecta.runtime.api.core.l2.BdFlags;
import io.vecta.runtime.api.core.l2.BridgeDomainAddDel;
import io.vecta.runtime.api.core.l2.BridgeDomainAddDelReply;
import io.vecta.runtime.api.core.l2.BridgeDomainAddDelV2;
import io.vecta.runtime.api.core.l2.BridgeDomainAddDelV2Reply;
import io.vecta.runtime.api.core.l2.BridgeDomainDetails;
import io.vecta.runtime.api.core.l2.BridgeDomainDump;
import io.vecta.runtime.api.core.l2.BridgeDomainSetMacAge;
import io.vecta.runtime.api.core.l2.BridgeDomainSetMacAgeReply;
import io.vecta.runtime.api.core.l2.BridgeDomainSwIf;
import io.vecta.runtime.api.core.l2.BridgeFlags;
import io.vecta.runtime.api.core.l2.BridgeFlagsReply;
import io.vecta.runtime.api.core.l2.L2FibTableDetails;
import io.vecta.runtime.api.core.l2.L2FibTableDump;
import io.vecta.runtime.api.core.l2.L2Module;
import io.vecta.runtime.api.core.l2.L2PortType;
import io.vecta.runtime.api.core.l2.L2XconnectDetails;
import io.vecta.runtime.api.core.l2.L2XconnectDump;
import io.vecta.runtime.api.core.l2.L2fibAddDel;
import io.vecta.runtime.api.core.l2.L2fibAddDelReply;
import io.vecta.runtime.api.core.l2.L2fibFlushAll;
import io.vecta.runtime.api.core.l2.L2fibFlushAllReply;
import io.vecta.runtime.api.core.l2.L2fibFlushBd;
import io.vecta.runtime.api.core.l2.L2fibFlushBdReply;
import io.vecta.runtime.api.core.l2.L2fibFlushInt;
import io.vecta.runtime.api.core.l2.L2fibFlushIntReply;
import io.vecta.runtime.api.core.l2.SwInterfaceSetL2Bridge;
import io.vecta.runtime.api.core.l2.SwInterfaceSetL2BridgeReply;
import io.vecta.runtime.api.core.l2.SwInterfaceSetL2Xconnect;
import io.vecta.runtime.api.core.l2.SwInterfaceSetL2XconnectReply;
import io.vecta.runtime.ethernet.Loopbacks;
import io.vecta.runtime.interfaces.InterfaceTable;
import io.vecta.runtime.interfaces.SwInterface;
import io.vecta.runtime.l2.BridgeDomain;
import io.vecta.runtime.l2.BridgeDomains;
import io.vecta.runtime.l2.L2Exception;
import io.vecta.runtime.l2.L2Fib;
import io.vecta.sdk.annotation.ApiHandler;
import io.vecta.sdk.api.ApiBytes;
import io.vecta.sdk.api.ApiErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code l2} module (VPP's {@code l2.api}) over the graph's {@link BridgeDomains}, the state
 * {@code create bridge-domain}, {@code set interface l2 ...} and {@code l2fib} change:
 *
 * <pre>
 *   bridge_domain_add_del[_v2]      → _reply      create (v2: ~0 picks the lowest free id) or delete
 *   bridge_domain_dump              → bridge_domain_details*   all (~0) or one, with members and BVI
 *   bridge_flags                    → _reply      learn, forward, flood, uu-flood; arp-term UNIMPLEMENTED
 *   bridge_domain_set_mac_age       → _reply
 *   sw_interface_set_l2_bridge      → _reply      normal or BVI member; disable: back to L3
 *   sw_interface_set_l2_xconnect    → _reply      enable: rx → tx; disable: back to L3
 *   l2_xconnect_dump                → l2_xconnect_details*
 *   l2fib_add_del                   → _reply      entries on members of the bridge domain
 *   l2_fib_table_dump               → l2_fib_table_details*    all (~0) or one bridge domain
 *   l2fib_flush_all | _bd | _int    → _reply      learnt entries go, static ones stay
 * </pre>
 *
 * Errors are VPP's codes in the reply's {@code retval}: {@link ApiErrors#BD_NOT_MODIFIABLE} for
 * bridge domain 0 (VPP's placeholder, which this runtime does not have), {@link ApiErrors#NO_SUCH_ENTRY}
 * for an unknown bridge domain or entry, {@link ApiErrors#BD_ALREADY_EXISTS},
 * {@link ApiErrors#BD_IN_USE}, {@link ApiErrors#BD_ID_EXCEED_MAX},
 * {@link ApiErrors#INVALID_SW_IF_INDEX} (and {@code _2} for a cross-connect's tx),
 * {@link ApiErrors#NON_ETHERNET} for local0, {@link ApiErrors#BD_ALREADY_HAS_BVI}, and
 * {@link ApiErrors#UNIMPLEMENTED} for what the dataplane does not do (ARP termination, ARP
 * unicast forwarding, unknown-unicast forwarding ports, filter entries, a BVI that is not a
 * loopback). As in VPP, an interface bridged or cross-connected elsewhere is moved, and
 * {@code sw_interface_set_l2_bridge} creates a bridge domain that does not exist yet.
 *
 * <p>The other messages of the file are in the table, so clients find them, but are not
 * answered. Handlers run on the main thread with the workers stopped, as the CLI's changes do.
 */
public final class L2Api {

    /** {@code sw_if_index} or {@code bd_id} ~0: every one, or none. */
    private static final long ALL = 0xffff_ffffL;

    /** VPP's highest bridge domain id ({@code L2_BD_ID_MAX}); this runtime stops one below. */
    private static final long VPP_MAX_BD_ID = 0xff_ffffL;

    /**
     * The bits of VPP's L2 input feature bitmap ({@code L2INPUT_FEAT_*}) that the bridge
     * switches set, which {@code bridge_flags_reply} reports.
     */
    private static final long FEAT_FLOOD = 1L << 2;
    private static final long FEAT_ARP_TERM = 1L << 4;
    private static final long FEAT_UU_FLOOD = 1L << 5;
    private static final long FEAT_FWD = 1L << 7;
    private static final long FEAT_LEARN = 1L << 9;

    private static final BdFlags UNSUPPORTED_FLAGS = BdFlags.BRIDGE_API_FLAG_ARP_TERM
            .with(BdFlags.BRIDGE_API_FLAG_ARP_UFWD);

    private final InterfaceTable interfaces;
    private final BridgeDomains bridges;

    private L2Api(InterfaceTable interfaces, BridgeDomains bridges) {
        this.interfaces = interfaces;
        this.bridges = bridges;
    }

    /** The {@code l2} module with handlers over {@code bridges} on {@code interfaces}. */
    public static ApiModule module(InterfaceTable interfaces, BridgeDomains bridges) {
        return ApiModule.fromCodecs(L2Module.NAME, L2Module.FILE_CRC, L2Module.MESSAGES,
                L2Api_ApiHandlers.bind(new L2Api(interfaces, bridges)));
    }

    // ---- bridge domains -------------------------------------------------------------------

    /** Creates or deletes bridge domain {@code bd_id}; see {@link #addDel}. */
    @ApiHandler
    BridgeDomainAddDelReply bridgeDomainAddDel(BridgeDomainAddDel r) {
        return new BridgeDomainAddDelReply(0, addDel(r.isAdd(), r.bdId(), r.flood(), r.uuFlood(), r.forward(),
                r.learn(), r.arpTerm(), r.arpUfwd(), r.macAge(), r.bdTag()));
    }

    /**
     * As {@code bridge_domain_add_del}; adding {@code bd_id} ~0 creates the lowest id not in use
     * ({@link ApiErrors#EAGAIN} when none is left). The reply carries the id.
     */
    @ApiHandler
    BridgeDomainAddDelV2Reply bridgeDomainAddDelV2(BridgeDomainAddDelV2 r) {
        long id = r.bdId();
        if (id == ALL && r.isAdd()) {
            int unused = bridges.unusedId();
            if (unused < 0) {
                return new BridgeDomainAddDelV2Reply(0, ApiErrors.EAGAIN, id);
            }
            id = unused;
        }
        return new BridgeDomainAddDelV2Reply(0, addDel(r.isAdd(), id, r.flood(), r.uuFlood(), r.forward(), r.learn(),
                r.arpTerm(), r.arpUfwd(), r.macAge(), r.bdTag()), id);
    }

    /**
     * VPP's {@code bd_add_del}: an add sets every switch and the age as given; an id in use (0
     * included) is {@link ApiErrors#BD_ALREADY_EXISTS}. A delete needs the bridge domain without
     * members; its L2 FIB entries go with it.
     */
    private int addDel(boolean isAdd, long id, boolean flood, boolean uuFlood, boolean forward, boolean learn,
                       boolean arpTerm, boolean arpUfwd, int macAge, String tag) {
        if (isAdd) {
            if (id == 0 || find(id).isPresent()) {
                return ApiErrors.BD_ALREADY_EXISTS;
            }
            if (id > BridgeDomains.MAX_ID) {
                return ApiErrors.BD_ID_EXCEED_MAX;
            }
            if (arpTerm || arpUfwd) {
                return ApiErrors.UNIMPLEMENTED;
            }
            if (tag.length() > BridgeDomains.MAX_TAG_LENGTH) {
                return ApiErrors.INVALID_VALUE;
            }
            try {
                bridges.create((int) id);
            } catch (L2Exception e) {
                // every bridge domain index is in use
                return ApiErrors.UNSPECIFIED;
            }
            bridges.configure((int) id, new BridgeDomains.Settings(learn, forward, flood, uuFlood, false, macAge));
            bridges.setTag((int) id, tag);
            return ApiErrors.OK;
        }
        if (id == 0) {
            return ApiErrors.BD_NOT_MODIFIABLE;
        }
        Optional<BridgeDomain> bd = find(id);
        if (bd.isEmpty()) {
            return ApiErrors.NO_SUCH_ENTRY;
        }
        if (!bd.get().members().isEmpty()) {
            return ApiErrors.BD_IN_USE;
        }
        bridges.delete(bd.get().id());
        return ApiErrors.OK;
    }

    /**
     * Every bridge domain for {@code bd_id} ~0, else that one (none for 0 or an unknown id); as in
     * VPP, a {@code sw_if_index} filter other than ~0 gives nothing.
     */
    @ApiHandler
    List<BridgeDomainDetails> bridgeDomainDump(BridgeDomainDump request) {
        if (request.swIfIndex().value() != ALL || request.bdId() == 0) {
            return List.of();
        }
        List<BridgeDomain> chosen = request.bdId() == ALL ? bridges.all() : find(request.bdId()).map(List::of)
                .orElse(List.of());
        List<BridgeDomainDetails> details = new ArrayList<>(chosen.size());
        for (BridgeDomain bd : chosen) {
            List<BridgeDomainSwIf> members = new ArrayList<>();
            for (BridgeDomain.Member m : bd.members()) {
                members.add(new BridgeDomainSwIf(0, new InterfaceIndex(m.swIfIndex()), m.shg()));
            }
            int bvi = bd.bviSwIfIndex();
            details.add(new BridgeDomainDetails(0, bd.id(), bd.flood(), bd.uuFlood(), bd.forward(), bd.learn(),
                    bd.arpTerm(), false, bd.macAgeMinutes(), bd.tag(), new InterfaceIndex(bvi < 0 ? ALL : bvi),
                    new InterfaceIndex(ALL), members));
        }
        return details;
    }

    /**
     * Sets ({@code is_set}) or clears the switches named in {@code flags}; setting ARP
     * termination or ARP unicast forwarding is {@link ApiErrors#UNIMPLEMENTED}. The reply carries
     * the switches as VPP's L2 input feature bits.
     */
    @ApiHandler
    BridgeFlagsReply bridgeFlags(BridgeFlags request) {
        if (request.bdId() == 0) {
            return new BridgeFlagsReply(0, ApiErrors.BD_NOT_MODIFIABLE, 0);
        }
        Optional<BridgeDomain> bd = find(request.bdId());
        if (bd.isEmpty()) {
            return new BridgeFlagsReply(0, ApiErrors.NO_SUCH_ENTRY, 0);
        }
        BdFlags flags = request.flags();
        if (request.isSet() && (flags.bits() & UNSUPPORTED_FLAGS.bits()) != 0) {
            return new BridgeFlagsReply(0, ApiErrors.UNIMPLEMENTED, 0);
        }
        Boolean to = request.isSet();
        bridges.configure(bd.get().id(), new BridgeDomains.Settings(
                flags.has(BdFlags.BRIDGE_API_FLAG_LEARN) ? to : null,
                flags.has(BdFlags.BRIDGE_API_FLAG_FWD) ? to : null,
                flags.has(BdFlags.BRIDGE_API_FLAG_FLOOD) ? to : null,
                flags.has(BdFlags.BRIDGE_API_FLAG_UU_FLOOD) ? to : null,
                flags.has(BdFlags.BRIDGE_API_FLAG_ARP_TERM) ? to : null, null));
        return new BridgeFlagsReply(0, ApiErrors.OK, featureBitmap(bd.get()));
    }

    /** Learnt entries of the bridge domain not seen for {@code mac_age} minutes go; 0 never. */
    @ApiHandler
    BridgeDomainSetMacAgeReply bridgeDomainSetMacAge(BridgeDomainSetMacAge request) {
        if (request.bdId() == 0) {
            return new BridgeDomainSetMacAgeReply(0, ApiErrors.BD_NOT_MODIFIABLE);
        }
        Optional<BridgeDomain> bd = find(request.bdId());
        if (bd.isEmpty()) {
            return new BridgeDomainSetMacAgeReply(0, ApiErrors.NO_SUCH_ENTRY);
        }
        bridges.configure(bd.get().id(), new BridgeDomains.Settings(null, null, null, null, null, request.macAge()));
        return new BridgeDomainSetMacAgeReply(0, ApiErrors.OK);
    }

    // ---- interfaces -----------------------------------------------------------------------

    /**
     * {@code enable}: makes the interface a member of bridge domain {@code bd_id} (created if it
     * does not exist, as VPP does) in split-horizon group {@code shg}, as its BVI for
     * {@code L2_API_PORT_TYPE_BVI}; an interface in another bridge or cross-connected moves.
     * Otherwise the interface goes back to L3, whatever {@code bd_id} says.
     */
    @ApiHandler
    SwInterfaceSetL2BridgeReply swInterfaceSetL2Bridge(SwInterfaceSetL2Bridge request) {
        return new SwInterfaceSetL2BridgeReply(0, setBridge(request));
    }

    private int setBridge(SwInterfaceSetL2Bridge request) {
        Optional<SwInterface> iface = interfaces.find(request.rxSwIfIndex().value());
        if (iface.isEmpty()) {
            return ApiErrors.INVALID_SW_IF_INDEX;
        }
        if (!request.enable()) {
            bridges.setL3(iface.get());
            return ApiErrors.OK;
        }
        long id = request.bdId();
        if (id > VPP_MAX_BD_ID || id > BridgeDomains.MAX_ID) {
            return ApiErrors.BD_ID_EXCEED_MAX;
        }
        if (id == 0) {
            return ApiErrors.BD_NOT_MODIFIABLE;
        }
        if (request.portType() == L2PortType.L2_API_PORT_TYPE_UU_FWD) {
            return ApiErrors.UNIMPLEMENTED;
        }
        SwInterface port = iface.get();
        if (port.swIfIndex() == InterfaceTable.LOCAL0) {
            return ApiErrors.NON_ETHERNET;
        }
        boolean bvi = request.portType() == L2PortType.L2_API_PORT_TYPE_BVI;
        Optional<BridgeDomain> bd = find(id);
        if (bvi) {
            if (!port.deviceClass().equals(Loopbacks.DEVICE)) {
                return ApiErrors.UNIMPLEMENTED;
            }
            int existing = bd.map(BridgeDomain::bviSwIfIndex).orElse(-1);
            if (existing >= 0 && existing != port.swIfIndex()) {
                return ApiErrors.BD_ALREADY_HAS_BVI;
            }
        }
        try {
            if (bd.isEmpty()) {
                bridges.create((int) id);
            }
            Optional<BridgeDomain> current = bridges.bridgeOf(port);
            if ((current.isPresent() && current.get().id() != id) || bridges.xconnectOf(port).isPresent()) {
                bridges.setL3(port);
            }
            bridges.bridge(port, (int) id, bvi, request.shg());
            return ApiErrors.OK;
        } catch (L2Exception e) {
            // no bridge domain index left
            return ApiErrors.UNSPECIFIED;
        }
    }

    /**
     * {@code enable}: what {@code rx_sw_if_index} receives leaves by {@code tx_sw_if_index} (one
     * way; a bridged rx moves); otherwise rx goes back to L3.
     */
    @ApiHandler
    SwInterfaceSetL2XconnectReply swInterfaceSetL2Xconnect(SwInterfaceSetL2Xconnect request) {
        return new SwInterfaceSetL2XconnectReply(0, setXconnect(request));
    }

    private int setXconnect(SwInterfaceSetL2Xconnect request) {
        Optional<SwInterface> rx = interfaces.find(request.rxSwIfIndex().value());
        if (rx.isEmpty()) {
            return ApiErrors.INVALID_SW_IF_INDEX;
        }
        if (!request.enable()) {
            bridges.setL3(rx.get());
            return ApiErrors.OK;
        }
        Optional<SwInterface> tx = interfaces.find(request.txSwIfIndex().value());
        if (tx.isEmpty()) {
            return ApiErrors.INVALID_SW_IF_INDEX_2;
        }
        if (rx.get().swIfIndex() == InterfaceTable.LOCAL0 || tx.get().swIfIndex() == InterfaceTable.LOCAL0) {
            return ApiErrors.NON_ETHERNET;
        }
        if (rx.get().swIfIndex() == tx.get().swIfIndex()) {
            return ApiErrors.INVALID_VALUE;
        }
        if (bridges.bridgeOf(rx.get()).isPresent()) {
            bridges.setL3(rx.get());
        }
        bridges.xconnect(rx.get(), tx.get());
        return ApiErrors.OK;
    }

    /** Every cross-connected interface with the one its frames leave by. */
    @ApiHandler
    List<L2XconnectDetails> l2XconnectDump(L2XconnectDump request) {
        List<L2XconnectDetails> details = new ArrayList<>();
        for (SwInterface iface : interfaces.all()) {
            bridges.xconnectOf(iface).ifPresent(to -> details.add(new L2XconnectDetails(0,
                    new InterfaceIndex(iface.swIfIndex()), new InterfaceIndex(to))));
        }
        return details;
    }

    // ---- the L2 FIB -----------------------------------------------------------------------

    /**
     * Adds (or replaces) the entry of {@code mac} in bridge domain {@code bd_id}, out of
     * {@code sw_if_index}, which must be a member of it; {@code bvi_mac} needs the bridge's BVI
     * and makes the entry static, as BVI entries are never aged or moved. Deletes it otherwise
     * ({@link ApiErrors#NO_SUCH_ENTRY} if there is none). A group address is
     * {@link ApiErrors#INVALID_VALUE}; a filter entry {@link ApiErrors#UNIMPLEMENTED}.
     */
    @ApiHandler
    L2fibAddDelReply l2fibAddDel(L2fibAddDel request) {
        return new L2fibAddDelReply(0, fibAddDel(request));
    }

    private int fibAddDel(L2fibAddDel request) {
        Optional<BridgeDomain> bd = find(request.bdId());
        if (bd.isEmpty()) {
            return ApiErrors.NO_SUCH_ENTRY;
        }
        int id = bd.get().id();
        long mac = io.vecta.sdk.packet.MacAddress.fromBytes(request.mac().value().toArray());
        if (!request.isAdd()) {
            try {
                bridges.deleteEntry(mac, id);
                return ApiErrors.OK;
            } catch (L2Exception e) {
                return ApiErrors.NO_SUCH_ENTRY;
            }
        }
        if (request.filterMac()) {
            return ApiErrors.UNIMPLEMENTED;
        }
        Optional<SwInterface> iface = interfaces.find(request.swIfIndex().value());
        if (iface.isEmpty() || bridges.bridgeOf(iface.get()).map(BridgeDomain::id).orElse(-1) != id) {
            return ApiErrors.INVALID_SW_IF_INDEX;
        }
        if (request.bviMac() && bd.get().bviSwIfIndex() != iface.get().swIfIndex()) {
            return ApiErrors.INVALID_VALUE;
        }
        if ((mac & 0x0100_0000_0000L) != 0) {
            return ApiErrors.INVALID_VALUE;
        }
        try {
            bridges.addEntry(mac, id, iface.get(), request.staticMac() || request.bviMac());
            return ApiErrors.OK;
        } catch (L2Exception e) {
            // the table is full
            return ApiErrors.UNSPECIFIED;
        }
    }

    /**
     * The entries of bridge domain {@code bd_id}, or of all for ~0 (none for an unknown one), as
     * {@code show l2fib verbose} lists them. {@code bvi_mac} marks static entries on the
     * bridge's BVI; there are no filter entries.
     */
    @ApiHandler
    List<L2FibTableDetails> l2FibTableDump(L2FibTableDump request) {
        int onlyIndex = -1;
        if (request.bdId() != ALL) {
            Optional<BridgeDomain> bd = find(request.bdId());
            if (bd.isEmpty()) {
                return List.of();
            }
            onlyIndex = bd.get().index();
        }
        List<L2FibTableDetails> details = new ArrayList<>();
        for (L2Fib.Entry e : bridges.fib().entries()) {
            Optional<BridgeDomain> bd = bridges.byIndex(e.bdIndex());
            if (bd.isEmpty() || onlyIndex >= 0 && e.bdIndex() != onlyIndex) {
                continue;
            }
            int sw = L2Fib.swIfIndex(e.result());
            boolean isStatic = L2Fib.isStatic(e.result());
            details.add(new L2FibTableDetails(0, bd.get().id(),
                    new MacAddress(ApiBytes.of(io.vecta.sdk.packet.MacAddress.toBytes(e.mac()))),
                    new InterfaceIndex(sw), isStatic, false, isStatic && sw == bd.get().bviSwIfIndex()));
        }
        return details;
    }

    /** Every learnt entry goes; static ones stay. */
    @ApiHandler
    L2fibFlushAllReply l2fibFlushAll(L2fibFlushAll request) {
        bridges.clearLearnt();
        return new L2fibFlushAllReply(0, ApiErrors.OK);
    }

    /** The learnt entries of bridge domain {@code bd_id} go ({@link ApiErrors#NO_SUCH_ENTRY} if there is none). */
    @ApiHandler
    L2fibFlushBdReply l2fibFlushBd(L2fibFlushBd request) {
        Optional<BridgeDomain> bd = find(request.bdId());
        if (bd.isEmpty()) {
            return new L2fibFlushBdReply(0, ApiErrors.NO_SUCH_ENTRY);
        }
        bridges.clearLearnt(bd.get().id());
        return new L2fibFlushBdReply(0, ApiErrors.OK);
    }

    /** The entries learnt on the interface go. */
    @ApiHandler
    L2fibFlushIntReply l2fibFlushInt(L2fibFlushInt request) {
        Optional<SwInterface> iface = interfaces.find(request.swIfIndex().value());
        if (iface.isEmpty()) {
            return new L2fibFlushIntReply(0, ApiErrors.INVALID_SW_IF_INDEX);
        }
        bridges.clearLearnt(iface.get());
        return new L2fibFlushIntReply(0, ApiErrors.OK);
    }

    private Optional<BridgeDomain> find(long id) {
        return id < 1 || id > BridgeDomains.MAX_ID ? Optional.empty() : bridges.find((int) id);
    }

    private static long featureBitmap(BridgeDomain bd) {
        return (bd.learn() ? FEAT_LEARN : 0) | (bd.forward() ? FEAT_FWD : 0) | (bd.flood() ? FEAT_FLOOD : 0)
                | (bd.uuFlood() ? FEAT_UU_FLOOD : 0) | (bd.arpTerm() ? FEAT_ARP_TERM : 0);
    }
}
