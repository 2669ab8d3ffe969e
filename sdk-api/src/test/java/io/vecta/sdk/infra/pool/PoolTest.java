package io.vecta.sdk.infra.pool;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolTest {

    private static final long SEED = 0xF10_5E55L;

    static final class Session {
        long packets;
        int peer;
    }

    @Test
    void shouldMatchModelUnderRandomGetPutAndIteration() {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] created = new int[1];
        Pool<Session> pool = Pool.growable("sessions", 2, () -> {
            created[0]++;
            return new Session();
        });
        Map<Integer, Long> model = new HashMap<>();
        int highestIndex = -1;
        for (int step = 0; step < 20_000; step++) {
            String where = "seed " + SEED + ", step " + step;
            if (random.nextInt(100) < 55 || model.isEmpty()) {
                int index = pool.get();
                assertThat(model).as(where).doesNotContainKey(index);
                highestIndex = Math.max(highestIndex, index);
                long value = random.nextLong();
                Session session = pool.at(index);
                session.packets = value;
                session.peer = index;
                model.put(index, value);
            } else {
                int index = model.keySet().stream().skip(random.nextInt(model.size())).findFirst().orElseThrow();
                Session session = pool.at(index);
                assertThat(session.packets).as(where).isEqualTo(model.get(index));
                assertThat(session.peer).as(where).isEqualTo(index);
                pool.put(index);
                model.remove(index);
            }
            assertThat(pool.size()).as(where).isEqualTo(model.size());
            if (step % 1000 == 0) {
                int[] visited = {0};
                pool.forEachLive(index -> {
                    assertThat(model).as(where).containsKey(index);
                    visited[0]++;
                });
                assertThat(visited[0]).as(where).isEqualTo(model.size());
            }
        }
        assertThat(created[0]).as("one object per slot ever used, seed %d", SEED).isEqualTo(highestIndex + 1);
    }

    @Test
    void shouldReuseTheObjectOfAFreedSlot() {
        int[] created = new int[1];
        Pool<Session> pool = Pool.fixed("sessions", 8, () -> {
            created[0]++;
            return new Session();
        });
        int first = pool.get();
        Session session = pool.at(first);
        session.packets = 42;
        pool.put(first);

        int again = pool.get();

        assertThat(again).isEqualTo(first);
        assertThat(pool.at(again)).isSameAs(session);
        assertThat(pool.at(again).packets).as("the caller re-initialises").isEqualTo(42);
        assertThat(created[0]).isEqualTo(1);
    }

    @Test
    void shouldMakeNoObjectsInSteadyState() {
        int[] created = new int[1];
        Pool<Session> pool = Pool.growable("sessions", 4, () -> {
            created[0]++;
            return new Session();
        });
        int[] held = new int[16];
        for (int i = 0; i < held.length; i++) {
            held[i] = pool.get();
        }
        for (int index : held) {
            pool.put(index);
        }
        int madeWhileWarming = created[0];
        IdentityHashMap<Session, Boolean> seen = new IdentityHashMap<>();
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < held.length; i++) {
                held[i] = pool.get();
                seen.put(pool.at(held[i]), Boolean.TRUE);
            }
            for (int index : held) {
                pool.put(index);
            }
        }

        assertThat(created[0]).isEqualTo(madeWhileWarming).isEqualTo(16);
        assertThat(seen).hasSize(16);
    }

    @Test
    void shouldKeepObjectsAtTheirIndicesWhenGrowing() {
        Pool<Session> pool = Pool.growable("grow", 1, Session::new);
        Session[] byIndex = new Session[300];
        for (int i = 0; i < byIndex.length; i++) {
            int index = pool.get();
            byIndex[index] = pool.at(index);
            byIndex[index].peer = index;
        }

        for (int i = 0; i < byIndex.length; i++) {
            assertThat(pool.at(i)).isSameAs(byIndex[i]);
            assertThat(pool.at(i).peer).isEqualTo(i);
        }
    }

    @Test
    void shouldRejectGetWhenFull() {
        Pool<Session> pool = Pool.fixed("sessions", 2, Session::new);
        pool.get();
        pool.get();

        assertThatThrownBy(pool::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pool 'sessions' is full: 2 of 2 elements in use (fixed size)");
    }

    @Test
    void shouldRejectAccessToFreeOrOutOfRangeSlots() {
        Pool<Session> pool = Pool.fixed("sessions", 4, Session::new);
        int index = pool.get();
        pool.put(index);

        assertThatThrownBy(() -> pool.at(index))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 'sessions': index 0 is not in use (capacity 4)");
        assertThatThrownBy(() -> pool.put(index))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pool 'sessions': index 0 is not in use (capacity 4)");
        assertThatThrownBy(() -> pool.at(4))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("pool 'sessions': index 4 is out of range (capacity 4)");
    }

    @Test
    void shouldRejectAFactoryThatReturnsNull() {
        Pool<Session> pool = Pool.fixed("sessions", 4, () -> null);

        assertThatThrownBy(pool::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pool 'sessions': factory returned null");
        assertThat(pool.size()).as("the slot goes back to the pool").isZero();
    }
}
