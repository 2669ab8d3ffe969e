package io.vecta.sdk.cli;

import java.util.Locale;

/**
 * What a command prints, collected as text and sent to the session when the command returns:
 * VPP's {@code vlib_cli_output}. Formatting is locale-independent, so {@code %,d} and
 * {@code %.2f} print the same on every host.
 *
 * <pre>{@code
 * out.println("Thread 0 vpp_main");
 * out.printf("%-20s %10d%n", "ip4-lookup", 1200);
 * out.table(new CliTable().left("Name").right("Calls").row("ip4-lookup", 1200));
 * }</pre>
 */
public final class CliOutput {

    private final StringBuilder text = new StringBuilder();

    /** Prints {@code s} as it is. */
    public void print(String s) {
        text.append(s);
    }

    /** Prints {@code line} and a newline. */
    public void println(String line) {
        text.append(line).append('\n');
    }

    /** Prints an empty line. */
    public void println() {
        text.append('\n');
    }

    /** Prints {@link String#format} of {@code format}; add {@code %n} for a newline. */
    public void printf(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args).replace(System.lineSeparator(), "\n"));
    }

    /** Prints {@code table}, one line per row. */
    public void table(CliTable table) {
        text.append(table.render());
    }

    /** Everything printed so far. */
    public String text() {
        return text.toString();
    }

    /** Whether nothing was printed. */
    public boolean isEmpty() {
        return text.isEmpty();
    }
}
