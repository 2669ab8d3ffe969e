package io.vecta.runtime.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.runtime.VectaRuntime;
import io.vecta.runtime.config.RuntimeDirectory;
import io.vecta.runtime.config.StartupConfigParser;
import io.vecta.runtime.pg.PgInterfaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interface table as it grows and changes: lookups, the tx array, counters, listeners, tags. */
class InterfaceTableTest {

    @TempDir
    Path temp;

    private VectaRuntime runtime;
    private InterfaceTable table;
    private PgInterfaces pg;

    @BeforeEach
    void start() {
        runtime = VectaRuntime.start(new StartupConfigParser(new RuntimeDirectory(temp.resolve("run")))
                .parse("test.conf", "buffers { page-size 4k buffers-per-numa 2048 }"));
        table = InterfaceTable.of(runtime.graph());
        pg = PgInterfaces.of(runtime.graph());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void shouldFindEachOfThousandsOfInterfacesByNameAndIndexAllDownUntilSetUp() {
        for (int id = 0; id < 3000; id++) {
            pg.create(id);
        }
        table.setAdminUp(table.byName("pg1234"), true);

        assertThat(table.size()).isEqualTo(3001);
        assertThat(table.byName("pg2999").swIfIndex()).isEqualTo(3000);
        assertThat(table.get(1235).name()).isEqualTo("pg1234");
        assertThat(table.find("pg3000")).isEmpty();
        int[] nexts = table.txNexts();
        assertThat(nexts).hasSize(3001);
        assertThat(nexts[1235]).isNotEqualTo(InterfaceTable.NOT_UP);
        nexts[1235] = InterfaceTable.NOT_UP;
        assertThat(nexts).containsOnly(InterfaceTable.NOT_UP);
    }

    @Test
    void shouldCountOnlyInterfacesThatExistWhileTheCountersGrow() {
        InterfaceCounters.ThreadCounters counters = table.counters().forThread(0);
        for (int id = 0; id < 100; id++) {
            pg.create(id);
        }
        counters.addRx(100, 3, 192);

        assertThat(counters.counts(100)).isTrue();
        assertThat(counters.counts(101)).as("an index past the last interface, within the grown array").isFalse();
        assertThat(table.counters().get(100, InterfaceCounters.Kind.RX_PACKETS)).isEqualTo(3);
    }

    @Test
    void shouldTellListenersOfEachChangeOfAdminStateAndNotOfRepeats() {
        SwInterface pg0 = pg.create(0);
        List<String> heard = new ArrayList<>();
        table.addStateListener(iface -> heard.add(iface.name() + (iface.isAdminUp() ? " up" : " down")));

        table.setAdminUp(pg0, true);
        table.setAdminUp(pg0, true);
        table.setAdminUp(pg0, false);
        assertThatThrownBy(() -> table.setAdminUp(table.get(InterfaceTable.LOCAL0), true))
                .isInstanceOf(InterfaceException.class).hasMessageContaining("local0");

        assertThat(heard).containsExactly("pg0 up", "pg0 down");
    }

    @Test
    void shouldKeepATagOfUpTo63Bytes() {
        SwInterface pg0 = pg.create(0);

        table.setTag(pg0, "x".repeat(63));
        assertThat(pg0.tag()).hasSize(63);
        assertThatThrownBy(() -> table.setTag(pg0, "é".repeat(32)))
                .isInstanceOf(InterfaceException.class).hasMessageContaining("64 bytes, at most 63");
        table.setTag(pg0, "");
        assertThat(pg0.tag()).isEmpty();
    }
}
