package io.vecta.sdk.infra.pool;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexPoolTest {

    private static final long SEED = 0x5EED_1DE8L;

    @Test
    void shouldMatchModelUnderRandomGetPutAndIteration() {
        for (long round = 0; round < 4; round++) {
            long seed = SEED + round;
            SplittableRandom random = new SplittableRandom(seed);
            IndexPool pool = round % 2 == 0
                    ? IndexPool.growable("model", 1 + random.nextInt(8))
                    : IndexPool.fixed("model", 300);
            TreeSet<Integer> live = new TreeSet<>();
            for (int step = 0; step < 20_000; step++) {
                String where = "seed " + seed + ", step " + step;
                int op = random.nextInt(100);
                if (op < 50 && live.size() < 300) {
                    int index = pool.get();
                    assertThat(live.add(index)).as("%s: index %d handed out twice", where, index).isTrue();
                    assertThat(index).as(where).isLessThan(pool.capacity());
                } else if (op < 90 && !live.isEmpty()) {
                    int index = pickLive(live, random);
                    pool.put(index);
                    live.remove(index);
                } else {
                    int probe = random.nextInt(pool.capacity() + 2) - 1;
                    assertThat(pool.isLive(probe)).as("%s: isLive(%d)", where, probe).isEqualTo(live.contains(probe));
                    Integer expectedNext = live.ceiling(Math.max(probe, 0));
                    assertThat(pool.nextLive(Math.max(probe, 0))).as(where)
                            .isEqualTo(expectedNext == null ? -1 : expectedNext);
                }
                assertThat(pool.size()).as(where).isEqualTo(live.size());
                if (step % 500 == 0) {
                    assertThat(liveByCursor(pool)).as(where).containsExactlyElementsOf(live);
                    List<Integer> visited = new ArrayList<>();
                    pool.forEachLive(visited::add);
                    assertThat(visited).as(where).containsExactlyElementsOf(live);
                }
            }
        }
    }

    @Test
    void shouldReuseTheMostRecentlyPutIndexFirst() {
        IndexPool pool = IndexPool.growable("lifo", 4);
        for (int i = 0; i < 4; i++) {
            pool.get();
        }
        pool.put(1);
        pool.put(3);

        assertThat(pool.get()).isEqualTo(3);
        assertThat(pool.get()).isEqualTo(1);
        assertThat(pool.get()).isEqualTo(4);
    }

    @Test
    void shouldKeepIndicesStableWhenGrowing() {
        IndexPool pool = IndexPool.growable("grow", 1);
        for (int i = 0; i < 1000; i++) {
            assertThat(pool.get()).isEqualTo(i);
        }
        for (int i = 0; i < 1000; i += 3) {
            pool.put(i);
        }
        int capacityBefore = pool.capacity();
        for (int i = 0; i < 2000; i++) {
            pool.get();
        }

        assertThat(capacityBefore).isEqualTo(1024);
        assertThat(pool.capacity()).isEqualTo(4096);
        for (int i = 1; i < 1000; i++) {
            assertThat(pool.isLive(i)).as("index %d", i).isTrue();
        }
    }

    @Test
    void shouldRejectGetWhenFixedPoolIsFull() {
        IndexPool pool = IndexPool.fixed("sessions", 3);
        pool.get();
        pool.get();
        pool.get();

        assertThatThrownBy(pool::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pool 'sessions' is full: 3 of 3 elements in use (fixed size)");
        assertThat(pool.size()).isEqualTo(3);
        pool.put(1);
        assertThat(pool.get()).isEqualTo(1);
    }

    @Test
    void shouldRejectDoubleFree() {
        IndexPool pool = IndexPool.growable("flows", 64);
        int index = pool.get();
        pool.get();
        pool.put(index);

        assertThatThrownBy(() -> pool.put(index))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 'flows': index 0 is not in use (capacity 64)");
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void shouldRejectPutOfAnIndexNeverHandedOut() {
        IndexPool pool = IndexPool.growable("flows", 64);
        pool.get();

        assertThatThrownBy(() -> pool.put(17))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 'flows': index 17 is not in use (capacity 64)");
    }

    @Test
    void shouldRejectOutOfRangeIndex() {
        IndexPool pool = IndexPool.growable("flows", 64);
        pool.get();

        assertThatThrownBy(() -> pool.put(64))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("pool 'flows': index 64 is out of range (capacity 64)");
        assertThatThrownBy(() -> pool.put(-1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("pool 'flows': index -1 is out of range (capacity 64)");
        assertThatThrownBy(() -> pool.nextLive(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(pool.isLive(64)).isFalse();
        assertThat(pool.isLive(-1)).isFalse();
    }

    @Test
    void shouldRejectBadSizes() {
        assertThatThrownBy(() -> IndexPool.growable("p", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 'p': capacity 0 must be from 1 to 1073741824");
        assertThatThrownBy(() -> IndexPool.fixed("p", IndexPool.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 'p': capacity 1073741825 is beyond the limit of 1073741824");
        assertThatThrownBy(() -> IndexPool.growable("", 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetIterationPutTheVisitedIndex() {
        IndexPool pool = IndexPool.growable("walk", 4);
        for (int i = 0; i < 200; i++) {
            pool.get();
        }
        pool.forEachLive(index -> {
            if (index % 2 == 0) {
                pool.put(index);
            }
        });

        assertThat(pool.size()).isEqualTo(100);
        assertThat(pool.nextLive(0)).isEqualTo(1);
        assertThat(pool.nextLive(199)).isEqualTo(199);
        assertThat(pool.nextLive(200)).isEqualTo(-1);
    }

    private static List<Integer> liveByCursor(IndexPool pool) {
        List<Integer> indices = new ArrayList<>();
        for (int index = pool.nextLive(0); index >= 0; index = pool.nextLive(index + 1)) {
            indices.add(index);
        }
        return indices;
    }

    private static int pickLive(TreeSet<Integer> live, SplittableRandom random) {
        Integer chosen = live.ceiling(random.nextInt(live.last() + 1));
        return chosen == null ? live.first() : chosen;
    }
}
