package io.vecta.runtime.fib;

import static io.vecta.runtime.fib.Ip4Prefix.parse;
import static io.vecta.runtime.fib.Ip4Prefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class Ip4MtrieTest {

    private static final int DEFAULT = 7;

    /** Longest-prefix match over a plain map: the reference the mtrie is checked against. */
    private static final class Model {
        final Map<Ip4Prefix, Integer> routes = new HashMap<>();

        Model() {
            routes.put(Ip4Prefix.DEFAULT, DEFAULT);
        }

        Ip4Prefix longest(int address, int maxLength) {
            for (int length = maxLength; length >= 0; length--) {
                Ip4Prefix candidate = new Ip4Prefix(address, length);
                if (routes.containsKey(candidate)) {
                    return candidate;
                }
            }
            throw new AssertionError("the model lost its /0");
        }

        int lookup(int address) {
            return routes.get(longest(address, 32));
        }
    }

    private static void add(Ip4Mtrie mtrie, Model model, Ip4Prefix prefix, int index) {
        mtrie.add(prefix.address(), prefix.length(), index);
        model.routes.put(prefix, index);
    }

    private static void remove(Ip4Mtrie mtrie, Model model, Ip4Prefix prefix) {
        int index = model.routes.remove(prefix);
        Ip4Prefix cover = model.longest(prefix.address(), prefix.length() - 1);
        mtrie.remove(prefix.address(), prefix.length(), index, cover.length(), model.routes.get(cover));
    }

    @Test
    void shouldMatchAMapModelUnderRandomAddsAndDeletesOfEveryLength() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Ip4Mtrie mtrie = new Ip4Mtrie("model", DEFAULT, 4);
        Model model = new Model();
        List<Ip4Prefix> present = new ArrayList<>();
        // a few /12 regions so that prefixes overlap and share plies often
        int[] regions = new int[6];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = random.nextInt() & 0xfff00000;
        }
        int nextIndex = 100;
        for (int step = 0; step < 4_000; step++) {
            boolean delete = !present.isEmpty() && random.nextInt(100) < (step < 2_500 ? 35 : 60);
            if (delete) {
                Ip4Prefix prefix = present.remove(random.nextInt(present.size()));
                remove(mtrie, model, prefix);
            } else {
                int address = regions[random.nextInt(regions.length)] | (random.nextInt() >>> 12);
                if (random.nextInt(10) == 0) {
                    address = random.nextInt();
                }
                Ip4Prefix prefix = new Ip4Prefix(address, 1 + random.nextInt(32));
                // an index shared now and then: the mtrie must tell prefixes apart by length too
                int index = random.nextInt(8) == 0 ? 100 : nextIndex++;
                if (model.routes.put(prefix, index) == null) {
                    present.add(prefix);
                }
                mtrie.add(prefix.address(), prefix.length(), index);
            }
            if (step % 50 == 0) {
                mtrie.reclaimRetiredPlies();
            }
            for (int probe = 0; probe < 30; probe++) {
                int address;
                if (!present.isEmpty() && probe % 2 == 0) {
                    Ip4Prefix near = present.get(random.nextInt(present.size()));
                    address = near.address() + (random.nextInt(512) - 256);
                } else {
                    address = regions[random.nextInt(regions.length)] | (random.nextInt() >>> 12);
                }
                int expected = model.lookup(address);
                int actual = mtrie.lookup(address);
                if (actual != expected) {
                    fail("seed %d, step %d, address %s: %d, the model says %d", seed, step,
                            Ip4Prefix.formatAddress(address), actual, expected);
                }
            }
        }
        while (!present.isEmpty()) {
            remove(mtrie, model, present.removeLast());
        }
        mtrie.reclaimRetiredPlies();
        assertThat(mtrie.plies()).as("seed %d: plies left after every delete", seed).isZero();
        assertThat(mtrie.lookup(random.nextInt())).as("seed %d", seed).isEqualTo(DEFAULT);
    }

    @Test
    void shouldPreferTheLongestOfOverlappingPrefixesAtEveryLevel() {
        Ip4Mtrie mtrie = new Ip4Mtrie("edges", DEFAULT, 0);
        Model model = new Model();
        String[] prefixes = {"10.0.0.0/8", "10.1.0.0/16", "10.1.128.0/17", "10.1.2.0/24", "10.1.2.128/25",
                "10.1.2.129/32", "10.1.2.0/23", "0.0.0.0/1", "10.1.2.130/31"};
        int index = 11;
        for (String text : prefixes) {
            add(mtrie, model, Ip4Prefix.parse(text), index++);
        }
        String[] probes = {"10.1.2.129", "10.1.2.130", "10.1.2.131", "10.1.2.128", "10.1.2.127", "10.1.3.1",
                "10.1.4.1", "10.1.200.1", "10.1.127.255", "10.2.0.0", "9.255.255.255", "127.0.0.1", "128.0.0.0",
                "255.255.255.255", "0.0.0.0"};
        for (String probe : probes) {
            int address = Ip4Prefix.parseAddress(probe);
            assertThat(mtrie.lookup(address)).as(probe).isEqualTo(model.lookup(address));
        }
        assertThat(mtrie.lookup(Ip4Prefix.parseAddress("10.1.2.129"))).isEqualTo(16);
        assertThat(mtrie.lookup(Ip4Prefix.parseAddress("128.0.0.1"))).isEqualTo(DEFAULT);
    }

    @Test
    void shouldMatchTheModelForEveryOrderOfDeletingNestedPrefixesAcrossPlyBoundaries() {
        Ip4Prefix[] nested = {parse("10.0.0.0/8"), parse("10.1.0.0/16"), parse("10.1.0.0/17"), parse("10.1.2.0/24"),
            parse("10.1.2.0/25"), parse("10.1.2.3/32")};
        int[] probes = new int[nested.length * 3];
        for (int i = 0; i < nested.length; i++) {
            probes[3 * i] = nested[i].address();
            probes[3 * i + 1] = nested[i].address() + 3;
            probes[3 * i + 2] = nested[i].address() | (-1 >>> nested[i].length());
        }
        List<int[]> orders = new ArrayList<>();
        permutations(new int[] {0, 1, 2, 3, 4, 5}, 0, orders);
        assertThat(orders).hasSize(720);
        for (int[] order : orders) {
            Ip4Mtrie mtrie = new Ip4Mtrie("orders", DEFAULT, 0);
            Model model = new Model();
            // the /0 itself changes index, as the FIB does when a default route is added over the drop
            add(mtrie, model, Ip4Prefix.DEFAULT, 99);
            for (int i = 0; i < nested.length; i++) {
                add(mtrie, model, nested[order[(i + 3) % order.length]], 20 + i);
            }
            for (int deleted = 0; deleted < order.length; deleted++) {
                remove(mtrie, model, nested[order[deleted]]);
                for (int probe : probes) {
                    assertThat(mtrie.lookup(probe)).as("order %s after %d deletes, %s", Arrays.toString(order),
                            deleted + 1, Ip4Prefix.formatAddress(probe)).isEqualTo(model.lookup(probe));
                }
            }
            assertThat(mtrie.plies()).isZero();
        }
    }

    private static void permutations(int[] items, int from, List<int[]> out) {
        if (from == items.length) {
            out.add(items.clone());
            return;
        }
        for (int i = from; i < items.length; i++) {
            int swap = items[from];
            items[from] = items[i];
            items[i] = swap;
            permutations(items, from + 1, out);
            items[i] = items[from];
            items[from] = swap;
        }
    }

    @Test
    void shouldGiveAConcurrentReaderOnlyTheOldOrTheNewAnswer() throws Exception {
        Ip4Mtrie mtrie = new Ip4Mtrie("concurrent", DEFAULT, 0);
        mtrie.add(parseAddress("10.0.0.0"), 8, 1);
        int host = parseAddress("10.1.2.3");
        int neighbour = parseAddress("10.1.2.200");
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        AtomicLong reads = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (!done.get() && wrong.get() == null) {
                int atHost = mtrie.lookup(host);
                int atNeighbour = mtrie.lookup(neighbour);
                if (atHost < 1 || atHost > 3 || atNeighbour < 1 || atNeighbour > 2) {
                    wrong.set("host " + atHost + ", neighbour " + atNeighbour);
                }
                reads.incrementAndGet();
            }
        });
        reader.start();
        try {
            // every round links new plies and unlinks them; the store grows as retired plies pile up
            for (int round = 0; round < 3_000 && wrong.get() == null; round++) {
                mtrie.add(parseAddress("10.1.2.0"), 24, 2);
                mtrie.add(host, 32, 3);
                mtrie.remove(host, 32, 3, 24, 2);
                mtrie.remove(parseAddress("10.1.2.0"), 24, 2, 8, 1);
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(wrong.get()).as("after %d reads", reads.get()).isNull();
        assertThat(mtrie.retiredPlies()).isEqualTo(2 * 3_000);
        mtrie.reclaimRetiredPlies();
        assertThat(mtrie.lookup(host)).isEqualTo(1);
    }

    @Test
    void shouldRestoreTheCoveringPrefixOnDelete() {
        Ip4Mtrie mtrie = new Ip4Mtrie("cover", DEFAULT, 0);
        Model model = new Model();
        add(mtrie, model, Ip4Prefix.parse("10.0.0.0/8"), 1);
        add(mtrie, model, Ip4Prefix.parse("10.1.2.0/24"), 2);
        add(mtrie, model, Ip4Prefix.parse("10.1.2.3/32"), 3);
        int host = Ip4Prefix.parseAddress("10.1.2.3");
        assertThat(mtrie.lookup(host)).isEqualTo(3);
        remove(mtrie, model, Ip4Prefix.parse("10.1.2.3/32"));
        assertThat(mtrie.lookup(host)).isEqualTo(2);
        remove(mtrie, model, Ip4Prefix.parse("10.1.2.0/24"));
        assertThat(mtrie.lookup(host)).isEqualTo(1);
        remove(mtrie, model, Ip4Prefix.parse("10.0.0.0/8"));
        assertThat(mtrie.lookup(host)).isEqualTo(DEFAULT);
        mtrie.reclaimRetiredPlies();
        assertThat(mtrie.plies()).isZero();
    }

    @Test
    void shouldLetAShortPrefixAddedLaterFillOnlyTheLessSpecificLeavesOfPliesBelowIt() {
        Ip4Mtrie mtrie = new Ip4Mtrie("late cover", DEFAULT, 0);
        mtrie.add(Ip4Prefix.parseAddress("10.1.2.3"), 32, 3);
        mtrie.add(Ip4Prefix.parseAddress("10.0.0.0"), 8, 1);
        assertThat(mtrie.lookup(Ip4Prefix.parseAddress("10.1.2.3"))).isEqualTo(3);
        assertThat(mtrie.lookup(Ip4Prefix.parseAddress("10.1.2.4"))).isEqualTo(1);
        assertThat(mtrie.lookup(Ip4Prefix.parseAddress("10.1.3.4"))).isEqualTo(1);
        assertThat(mtrie.plies()).isEqualTo(2);
    }

    @Test
    void shouldKeepDeletedPliesReadableUntilReclaimed() {
        Ip4Mtrie mtrie = new Ip4Mtrie("retire", DEFAULT, 0);
        mtrie.add(Ip4Prefix.parseAddress("10.1.2.3"), 32, 3);
        mtrie.remove(Ip4Prefix.parseAddress("10.1.2.3"), 32, 3, 0, DEFAULT);
        assertThat(mtrie.plies()).isZero();
        assertThat(mtrie.retiredPlies()).isEqualTo(2);
        mtrie.add(Ip4Prefix.parseAddress("10.9.9.9"), 32, 4);
        assertThat(mtrie.retiredPlies()).as("retired plies are not reused before reclaim").isEqualTo(2);
        mtrie.reclaimRetiredPlies();
        assertThat(mtrie.retiredPlies()).isZero();
        assertThat(mtrie.lookup(Ip4Prefix.parseAddress("10.9.9.9"))).isEqualTo(4);
    }

    @Test
    void shouldRejectBadLengthsIndicesAndCovers() {
        Ip4Mtrie mtrie = new Ip4Mtrie("bad", DEFAULT, 0);
        assertThatThrownBy(() -> mtrie.add(0, 33, 1)).hasMessageContaining("mtrie 'bad'")
                .hasMessageContaining("prefix length 33 (0 to 32)");
        assertThatThrownBy(() -> mtrie.add(0, 8, -1)).hasMessageContaining("load-balance index -1");
        assertThatThrownBy(() -> mtrie.remove(0, 0, 1, 0, 1)).hasMessageContaining("/0 has no cover");
        assertThatThrownBy(() -> mtrie.remove(0, 8, 1, 8, 1)).hasMessageContaining("cover /8 of a /8");
        assertThatThrownBy(() -> new Ip4Mtrie("big", 0, Ip4Mtrie.MAX_PLIES + 1))
                .hasMessageContaining("mtrie 'big'");
    }

    @Test
    void shouldGrowItsStoreAndKeepEveryRoute() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Ip4Mtrie mtrie = new Ip4Mtrie("grow", DEFAULT, 0);
        Model model = new Model();
        for (int i = 0; i < 2_000; i++) {
            add(mtrie, model, new Ip4Prefix(random.nextInt(), 25 + random.nextInt(8)), i);
        }
        for (Map.Entry<Ip4Prefix, Integer> route : model.routes.entrySet()) {
            int address = route.getKey().address();
            assertThat(mtrie.lookup(address)).as("seed %d, %s", seed, route.getKey()).isEqualTo(model.lookup(address));
        }
        int[] addresses = new int[300];
        int[] indices = new int[300];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = random.nextInt();
        }
        mtrie.lookup(addresses, indices, addresses.length);
        for (int i = 0; i < addresses.length; i++) {
            assertThat(indices[i]).as("seed %d", seed).isEqualTo(model.lookup(addresses[i]));
        }
        int[] inPlace = addresses.clone();
        mtrie.lookup(inPlace, inPlace, inPlace.length);
        assertThat(inPlace).as("seed %d: results over the addresses", seed).containsExactly(indices);
        assertThat(mtrie.bytesUsed()).isGreaterThan((long) Ip4Mtrie.ROOT_SLOTS * 5);
    }

    @Test
    void shouldLookUpAVectorAsOneAddressAtATimeWhetherItsAddressesEndAtTheFirstLevelOrNot() {
        long seed = 0x16_24_32L;
        SplittableRandom random = new SplittableRandom(seed);
        Ip4Mtrie mtrie = new Ip4Mtrie("levels", DEFAULT, 0);
        Model model = new Model();
        add(mtrie, model, new Ip4Prefix(0x30000000, 8), 1);
        add(mtrie, model, new Ip4Prefix(0x0a010000, 16), 2);
        add(mtrie, model, new Ip4Prefix(0x0a020300, 24), 3);
        add(mtrie, model, new Ip4Prefix(0x0a020304, 32), 4);
        int[] shortOnly = new int[256];
        int[] mixed = new int[256];
        for (int i = 0; i < 256; i++) {
            shortOnly[i] = random.nextBoolean() ? 0x30000000 | random.nextInt(1 << 24) : 0x0a010000 | random.nextInt(1 << 16);
            mixed[i] = switch (random.nextInt(3)) {
                case 0 -> shortOnly[i];
                case 1 -> 0x0a020300 | random.nextInt(256);
                default -> random.nextInt();
            };
        }
        for (int[] addresses : new int[][] {shortOnly, mixed}) {
            int[] indices = new int[addresses.length];
            mtrie.lookup(addresses, indices, addresses.length);
            for (int i = 0; i < addresses.length; i++) {
                assertThat(indices[i]).as("seed %d, address %08x", seed, addresses[i])
                        .isEqualTo(model.lookup(addresses[i])).isEqualTo(mtrie.lookup(addresses[i]));
            }
        }
    }
}
