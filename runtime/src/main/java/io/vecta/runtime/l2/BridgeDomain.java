package io.vecta.runtime.l2;

import java.util.ArrayList;
import java.util.List;

/**
 * One bridge domain as the control plane keeps it: its id (the operator's number), its index
 * (the dataplane's, in buffers and L2 FIB keys), its switches and its members in the order they
 * joined. Changed only by {@link BridgeDomains}, on the main thread.
 */
public final class BridgeDomain {

    /** A member: an interface, its split-horizon group, whether it is the bridge's virtual interface. */
    public record Member(int swIfIndex, int shg, boolean bvi) {
    }

    private final int id;
    private final int index;
    private boolean learn = true;
    private boolean forward = true;
    private boolean flood = true;
    private boolean uuFlood = true;
    private boolean arpTerm;
    private int macAgeMinutes;
    private String tag = "";
    private final List<Member> members = new ArrayList<>();

    BridgeDomain(int id, int index) {
        this.id = id;
        this.index = index;
    }

    /** The operator's number ({@code bd_id}). */
    public int id() {
        return id;
    }

    /** The dataplane's number ({@code bd_index}). */
    public int index() {
        return index;
    }

    /** Whether source addresses are learnt. */
    public boolean learn() {
        return learn;
    }

    /** Whether known unicast is forwarded by the L2 FIB (else everything floods). */
    public boolean forward() {
        return forward;
    }

    /** Whether broadcast and multicast frames are flooded. */
    public boolean flood() {
        return flood;
    }

    /** Whether unknown unicast frames are flooded. */
    public boolean uuFlood() {
        return uuFlood;
    }

    /** Whether ARP termination is set (kept and shown; ARP is not terminated in the bridge yet). */
    public boolean arpTerm() {
        return arpTerm;
    }

    /** Minutes after which a learnt entry not seen again is removed; 0 for never. */
    public int macAgeMinutes() {
        return macAgeMinutes;
    }

    /** The operator's label for the bridge domain; empty for none. */
    public String tag() {
        return tag;
    }

    /** The members, in the order they joined. */
    public List<Member> members() {
        return List.copyOf(members);
    }

    /** The bridge's virtual interface, or -1. */
    public int bviSwIfIndex() {
        for (Member m : members) {
            if (m.bvi()) {
                return m.swIfIndex();
            }
        }
        return -1;
    }

    void setLearn(boolean on) {
        learn = on;
    }

    void setForward(boolean on) {
        forward = on;
    }

    void setFlood(boolean on) {
        flood = on;
    }

    void setUuFlood(boolean on) {
        uuFlood = on;
    }

    void setArpTerm(boolean on) {
        arpTerm = on;
    }

    void setMacAgeMinutes(int minutes) {
        macAgeMinutes = minutes;
    }

    void setTag(String text) {
        tag = text;
    }

    List<Member> mutableMembers() {
        return members;
    }
}
