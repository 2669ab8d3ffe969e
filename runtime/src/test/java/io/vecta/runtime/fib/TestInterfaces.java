package io.vecta.runtime.fib;

/** pg0 .. pg9 as sw_if_index 1 .. 10, MAC 02:00:00:00:00:0N, MTU 9000 (VPP's bench setup). */
final class TestInterfaces implements FibInterfaces {

    @Override
    public String name(int swIfIndex) {
        return swIfIndex == 0 ? "local0" : "pg" + (swIfIndex - 1);
    }

    @Override
    public long mac(int swIfIndex) {
        return 0x0200_0000_0000L | swIfIndex;
    }

    @Override
    public int mtu(int swIfIndex) {
        return 9000;
    }
}
