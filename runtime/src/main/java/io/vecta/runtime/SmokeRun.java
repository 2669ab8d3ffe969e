package io.vecta.runtime;

import io.vecta.runtime.buffer.BufferConfig;
import io.vecta.runtime.buffer.BufferPools;
import io.vecta.runtime.show.ShowBuffers;
import io.vecta.sdk.buffer.BufferAllocator;
import io.vecta.sdk.buffer.Buffers;
import io.vecta.sdk.infra.bihash.Bihash8_8;
import io.vecta.sdk.infra.timer.TimerWheel;
import io.vecta.sdk.infra.timer.TimerWheelShape;
import io.vecta.sdk.packet.Ip4;
import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.MacAddress;
import io.vecta.sdk.packet.PacketBuilder;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * What {@code vecta demo} does until the graph exists: exercises buffer memory, a bihash
 * and a timer wheel the way the dataplane will, checks the results, and prints them.
 * Every step verifies its own outcome and throws if it is wrong, so the demo doubles as
 * a smoke test of a fresh machine.
 */
final class SmokeRun {

    private static final int FRAME = 256;
    private static final int FLOWS = 1_000_000;
    private static final int TIMERS = 10_000;

    private final PrintStream out;

    SmokeRun(PrintStream out) {
        this.out = out;
    }

    void run() {
        out.println("vecta " + Version.VERSION + ": smoke run");
        out.println();
        buffers();
        bihash();
        timerWheel();
    }

    /** Allocates every buffer in frames of 256, writes a UDP frame into each, frees them all. */
    private void buffers() {
        try (BufferPools pools = BufferPools.create(BufferConfig.defaults(), 1)) {
            Buffers buffers = pools.buffers();
            BufferAllocator allocator = pools.allocator(0);
            int total = pools.pools().get(0).total();
            out.printf("buffers: %d buffers of %d data bytes, mapped from memfd fd %d on %s pages%n",
                    total, pools.pools().get(0).dataSize(), pools.region().fd(), pageName(pools.pageSize()));
            if (pools.pageSizeFallback().isPresent()) {
                out.println("  (no 2M hugepages could be mapped: 4K pages, as VPP falls back; the warning above says why)");
            }

            byte[] frame = PacketBuilder.ethernet(MacAddress.parse("02:fe:00:00:00:02"), MacAddress.parse("02:fe:00:00:00:01"))
                    .ip4(Ip4Address.parse("10.0.0.1"), Ip4Address.parse("10.0.0.2"))
                    .udp(1234, 2345)
                    .payload(new byte[18])
                    .build();
            int[] all = new int[total];
            int allocated = 0;
            int frames = 0;
            while (allocated < total) {
                int got = allocator.alloc(all, allocated, Math.min(FRAME, total - allocated));
                if (got == 0) {
                    break;
                }
                for (int i = allocated; i < allocated + got; i++) {
                    buffers.copyIn(all[i], 0, frame, 0, frame.length);
                    buffers.setCurrentLength(all[i], frame.length);
                }
                allocated += got;
                frames++;
            }
            int[] extra = new int[1];
            int beyond = allocator.alloc(extra, 0, 1);
            int valid = 0;
            for (int i = 0; i < allocated; i++) {
                if (Ip4.isChecksumValid(buffers.memory(), buffers.dataOffset(all[i]) + 14)) {
                    valid++;
                }
            }
            out.printf("  allocated %d buffers in %d frames of up to %d, wrote a %d-byte UDP frame into each "
                    + "(%d with a valid IPv4 checksum); one more alloc gave %d%n",
                    allocated, frames, FRAME, frame.length, valid, beyond);
            out.println(indent(ShowBuffers.format(pools, false)));
            allocator.free(all, 0, allocated);
            out.printf("  freed them: %d available%n", pools.pools().get(0).available() + pools.pools().get(0).cached());
            check(allocated == total && beyond == 0 && valid == total, "buffer pool did not hand out each buffer exactly once");
            out.println();
        }
    }

    /** Fills a bihash_8_8 with a million flows, then looks them up a vector at a time. */
    private void bihash() {
        try (Bihash8_8 table = new Bihash8_8("demo flows", 1 << 19, 256L << 20)) {
            SplittableRandom random = new SplittableRandom(42);
            long[] keys = new long[FLOWS];
            for (int i = 0; i < FLOWS; i++) {
                keys[i] = random.nextLong();
                table.add(keys[i], i);
            }
            long[] batch = new long[FRAME];
            long[] hashes = new long[FRAME];
            long[] values = new long[FRAME];
            int found = 0;
            int wrong = 0;
            for (int base = 0; base < FLOWS; base += FRAME) {
                int n = Math.min(FRAME, FLOWS - base);
                System.arraycopy(keys, base, batch, 0, n);
                Bihash8_8.hashAll(batch, hashes, n);
                table.getAll(batch, hashes, n, values, -1);
                for (int i = 0; i < n; i++) {
                    if (values[i] == base + i) {
                        found++;
                    } else {
                        wrong++;
                    }
                }
            }
            int absentFound = 0;
            for (int i = 0; i < FLOWS; i++) {
                if (table.containsKey(random.nextLong())) {
                    absentFound++;
                }
            }
            out.printf("bihash: added %d random 8-byte keys; looked them up in vectors of %d: %d found with their value, "
                    + "%d wrong; %d random absent keys: %d found%n", FLOWS, FRAME, found, wrong, FLOWS, absentFound);
            out.println(indent(table.format(false)));
            check(found == FLOWS && absentFound == 0, "bihash lookups disagree with what was added");
            out.println();
        }
    }

    /** Starts timers over the whole range of a 2t_1w_2048sl wheel and runs it tick by tick. */
    private void timerWheel() {
        TimerWheelShape shape = TimerWheelShape.TW_2T_1W_2048SL;
        TimerWheel wheel = new TimerWheel("demo", shape, TIMERS);
        SplittableRandom random = new SplittableRandom(7);
        long[] due = new long[TIMERS];
        for (int object = 0; object < TIMERS; object++) {
            due[object] = 1 + random.nextInt(2047);
            wheel.start(object, 0, due[object]);
        }
        int[] expired = new int[FRAME];
        int fired = 0;
        int onTime = 0;
        long tick = 0;
        while (wheel.runningTimers() > 0) {
            tick++;
            int n;
            do {
                n = wheel.expire(tick, expired);
                for (int i = 0; i < n; i++) {
                    fired++;
                    if (due[shape.objectIndexOf(expired[i])] == tick) {
                        onTime++;
                    }
                }
            } while (n == expired.length);
        }
        out.printf("timer wheel %s: started %d timers of 1..2047 ticks; after %d ticks %d fired, %d on their tick%n",
                shape.name(), TIMERS, tick, fired, onTime);
        check(fired == TIMERS && onTime == TIMERS, "timer wheel fired timers off their tick");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static String pageName(long pageSize) {
        return pageSize >= 1 << 20 ? (pageSize >> 20) + "M" : (pageSize >> 10) + "K";
    }

    private static String indent(String text) {
        return ("  " + text.stripTrailing()).replace("\n", "\n  ");
    }
}
