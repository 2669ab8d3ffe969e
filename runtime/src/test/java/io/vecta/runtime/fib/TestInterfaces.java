package io.vecta.runtime.fib;

/**
 * pg0 .. pg9 as sw_if_index 1 .. 10, MAC 02:00:00:00:00:0N, MTU 9000 (VPP's bench setup), and
 * pg1.100, VLAN 100 on pg1, as sw_if_index {@link #PG1_100}.
 */
final class TestInterfaces implements FibInterfaces {

    /** The sub-interface pg1.100. */
    static final int PG1_100 = 11;

    @Override
    public String name(int swIfIndex) {
        if (swIfIndex == PG1_100) {
            return "pg1.100";
        }
        return swIfIndex == 0 ? "local0" : "pg" + (swIfIndex - 1);
    }

    @Override
    public long mac(int swIfIndex) {
        return 0x0200_0000_0000L | (swIfIndex == PG1_100 ? 2 : swIfIndex);
    }

    @Override
    public int outerVlan(int swIfIndex) {
        return swIfIndex == PG1_100 ? 100 : NO_VLAN;
    }

    @Override
    public int mtu(int swIfIndex) {
        return 9000;
    }
}
