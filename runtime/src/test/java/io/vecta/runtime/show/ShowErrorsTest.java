package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.runtime.dispatch.ThreadRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowErrorsTest {

    private static final String HEADER = "   Count                  Node                              Reason               "
            + "Severity ";

    private RuntimeFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldCountEachDropOnceUnderTheNodeThatChoseItAsVppDoes() {
        fixture = new RuntimeFixture(1);
        ThreadRuntime main = fixture.runtime(0);
        // flows 0..15: next 1 (counted by classify) for 1, 5, 9, 13; next 3 (reason in the buffer) for 3, 7, 11, 15
        fixture.run(0, 16);

        String text = ShowErrors.format(fixture.threads, false);

        assertThat(text.split("\n")).containsExactly(
                HEADER,
                "         4              classify                       flow not wanted             error  ",
                "         4              classify                        flow too large             error  ");
        assertThat(main.node("error-drop").vectors()).as("every drop reached error-drop").isEqualTo(8);
        assertThat(main.node("error-punt").vectors()).isEqualTo(4);
        long counted = 0;
        for (int error = 0; error < fixture.graph.errorCount(); error++) {
            counted += main.errorCounter(error);
        }
        assertThat(counted).as("drops counted in all of the error table").isEqualTo(8);
    }

    @Test
    void shouldSumTheThreadsAndShowEachWithIndicesWhenVerbose() {
        fixture = new RuntimeFixture(2);
        fixture.run(0, 8);
        fixture.run(1, 24);
        int notWanted = fixture.graph.errorIndex(fixture.graph.node("classify").index(), 0);
        int tooLarge = fixture.tooLarge();

        String brief = ShowErrors.format(fixture.threads, false);
        String verbose = ShowErrors.format(fixture.threads, true);

        assertThat(brief.split("\n")).containsExactly(
                HEADER,
                "         8              classify                       flow not wanted             error  ",
                "         8              classify                        flow too large             error  ");
        assertThat(verbose.split("\n")).containsExactly(
                HEADER + " Index",
                "Thread 0 (vecta_main):",
                "         2              classify                       flow not wanted             error  "
                        + Columns.center(notWanted, 6),
                "         2              classify                        flow too large             error  "
                        + Columns.center(tooLarge, 6),
                "Thread 1 (vecta_wk_0):",
                "         6              classify                       flow not wanted             error  "
                        + Columns.center(notWanted, 6),
                "         6              classify                        flow too large             error  "
                        + Columns.center(tooLarge, 6),
                "Total:",
                "         8                classify                   flow not wanted  "
                        + Columns.center(notWanted, 10),
                "         8                classify                   flow too large   "
                        + Columns.center(tooLarge, 10));
    }

    @Test
    void shouldStartAgainFromZeroAfterClearErrors() {
        fixture = new RuntimeFixture(2);
        fixture.run(0, 8);
        fixture.run(1, 8);
        fixture.threads.forEach(thread -> thread.runtime().clearErrors());

        assertThat(ShowErrors.format(fixture.threads, false)).isEqualTo(HEADER + "\n");

        fixture.run(1, 4);
        assertThat(ShowErrors.format(fixture.threads, false).split("\n")).containsExactly(
                HEADER,
                "         1              classify                       flow not wanted             error  ",
                "         1              classify                        flow too large             error  ");
        assertThat(fixture.runtime(1).node("classify").errorCount(1)).isEqualTo(1);
        assertThat(fixture.runtime(0).node("classify").errorCount(1)).isZero();
    }
}
