package io.vecta.runtime.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class L2FibTest {

    private static final long SEED = 0x12_f1b;

    @Test
    void shouldAgreeWithAMapThroughAddsMovesAndDeletes() {
        Random random = new Random(SEED);
        L2Fib fib = new L2Fib(256);
        Map<Long, Long> model = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            long key = L2Fib.key(1 + random.nextInt(3), 0x0200_0000_0000L | random.nextInt(150));
            int op = random.nextInt(10);
            if (op < 6) {
                long result = L2Fib.result(1 + random.nextInt(8), random.nextBoolean(), random.nextInt(1000));
                boolean added = fib.put(key, result);
                if (model.containsKey(key) || model.size() < fib.limit()) {
                    assertThat(added).as("seed %d step %d", SEED, step).isTrue();
                    model.put(key, result);
                } else {
                    assertThat(added).as("seed %d step %d: full", SEED, step).isFalse();
                }
            } else if (op < 9) {
                assertThat(fib.remove(key)).as("seed %d step %d", SEED, step).isEqualTo(model.remove(key) != null);
            } else {
                int sw = 1 + random.nextInt(8);
                int removed = fib.removeIf((k, r) -> L2Fib.swIfIndex(r) == sw);
                int expected = (int) model.values().stream().filter(r -> L2Fib.swIfIndex(r) == sw).count();
                model.values().removeIf(r -> L2Fib.swIfIndex(r) == sw);
                assertThat(removed).as("seed %d step %d", SEED, step).isEqualTo(expected);
            }
            assertThat(fib.lookup(key)).as("seed %d step %d", SEED, step).isEqualTo(model.getOrDefault(key, L2Fib.MISS));
            assertThat(fib.size()).as("seed %d step %d", SEED, step).isEqualTo(model.size());
        }
        for (Map.Entry<Long, Long> e : model.entrySet()) {
            assertThat(fib.lookup(e.getKey())).as("seed %d", SEED).isEqualTo(e.getValue());
        }
        assertThat(fib.entries()).hasSize(model.size());
    }

    @Test
    void shouldPackTheResultFieldsAndKeyFields() {
        long key = L2Fib.key(300, 0x02fe_0000_0001L);
        long result = L2Fib.result(7, true, 12345);

        assertThat(L2Fib.bdIndex(key)).isEqualTo(300);
        assertThat(L2Fib.mac(key)).isEqualTo(0x02fe_0000_0001L);
        assertThat(L2Fib.swIfIndex(result)).isEqualTo(7);
        assertThat(L2Fib.isStatic(result)).isTrue();
        assertThat(L2Fib.seenSeconds(result)).isEqualTo(12345);
        assertThat(L2Fib.isStatic(L2Fib.result(7, false, 1))).isFalse();
    }

    @Test
    void shouldRefuseACapacityThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new L2Fib(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("l2fib capacity 1000: must be a power of two from 16 to 67108864");
    }
}
