package io.vecta.runtime.cli.server;

/** The greeting a human session sees first: the name drawn in ASCII and the version. */
final class CliBanner {

    private static final String ART = """
                           _
           __ __  ___  __ | |_  __ _
           \\ V / / -_)/ _||  _|/ _` |
            \\_/  \\___|\\__| \\__|\\__,_|
           """;

    private CliBanner() {
    }

    /** The banner for a runtime of {@code version}, ending with a blank line. */
    static String text(String version) {
        return ART + "\n vecta " + version + "\n\n";
    }
}
