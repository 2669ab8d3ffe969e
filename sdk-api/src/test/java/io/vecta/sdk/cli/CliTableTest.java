package io.vecta.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CliTableTest {

    @Test
    void shouldSizeColumnsToContentAndAlignEachAsAsked() {
        CliTable table = new CliTable().left("Name").right("Idx").left("State");
        table.row("eth0", 1, "up");
        table.row("loop0", 12, "down");

        assertThat(table.render()).isEqualTo("""
                Name   Idx  State
                eth0     1  up
                loop0   12  down
                """);
        assertThat(table.rowCount()).isEqualTo(2);
    }

    @Test
    void shouldWidenAColumnToItsHeaderAndLeaveNoTrailingSpaces() {
        CliTable table = new CliTable().right("Packets").left("Node");
        table.row(5, "a");
        table.row(null, "bb");

        assertThat(table.render()).isEqualTo("""
                Packets  Node
                      5  a
                         bb
                """);
        assertThat(table.render().lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void shouldLeaveOutAnEmptyHeaderAndIndentEveryLine() {
        CliTable table = new CliTable().left("").left("").indent(2);
        table.row("show cli", "Show cli commands");
        table.row("quit", "Exit the session");

        assertThat(table.render()).isEqualTo("""
                  show cli  Show cli commands
                  quit      Exit the session
                """);
    }

    @Test
    void shouldRefuseARowOfTheWrongWidth() {
        CliTable table = new CliTable().left("A").left("B");

        assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table row has 1 cells for 2 columns [A, B]");
        table.row("a", "b");
        assertThatThrownBy(() -> table.right("C")).isInstanceOf(IllegalStateException.class)
                .hasMessage("table column 'C' added after 1 rows");
    }

    @Test
    void shouldPrintLinesFormatsAndTablesToTheOutput() {
        CliOutput out = new CliOutput();
        assertThat(out.isEmpty()).isTrue();

        out.println("Thread 0");
        out.printf("%-6s|%,d%n", "calls", 1234567);
        out.print("no newline");
        out.println();
        out.table(new CliTable().left("K").right("V").row("a", 1));

        assertThat(out.text()).isEqualTo("Thread 0\ncalls |1,234,567\nno newline\nK  V\na  1\n");
    }
}
