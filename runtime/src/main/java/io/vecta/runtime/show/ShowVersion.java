package io.vecta.runtime.show;

/**
 * {@code show version [verbose]}, in VPP's layout.
 *
 * <pre>
 * vecta 0.1.0 built by alice on build-1 at 2026-11-25T20:14:34Z
 *
 * Version:                  0.1.0
 * Compiled by:              alice
 * Compile host:             build-1
 * Compile date:             2026-11-25T20:14:34Z
 * Compile location:         /home/alice/vecta
 * Compiler:                 javac 25.0.3
 * Current PID:              21577
 * Java version:             25.0.3+9-LTS
 * Java VM:                  OpenJDK 64-Bit Server VM 25.0.3+9-LTS (Eclipse Adoptium)
 * </pre>
 * What the build did not record prints as {@code -}; the short form leaves it out.
 */
public final class ShowVersion {

    private ShowVersion() {
    }

    /** The text of {@code show version} for this process. */
    public static String format(BuildInfo build, boolean verbose) {
        return format(build, verbose, ProcessHandle.current().pid(), Runtime.version().toString(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")");
    }

    /** The text of {@code show version} for process {@code pid} running Java {@code javaVersion} on {@code javaVm}. */
    static String format(BuildInfo build, boolean verbose, long pid, String javaVersion, String javaVm) {
        if (!verbose) {
            StringBuilder line = new StringBuilder("vecta ").append(build.version());
            if (!build.builtBy().equals(BuildInfo.UNKNOWN)) {
                line.append(" built by ").append(build.builtBy());
            }
            if (!build.buildHost().equals(BuildInfo.UNKNOWN)) {
                line.append(" on ").append(build.buildHost());
            }
            if (!build.buildDate().equals(BuildInfo.UNKNOWN)) {
                line.append(" at ").append(build.buildDate());
            }
            return line.append('\n').toString();
        }
        String compiler = build.compiler().equals(BuildInfo.UNKNOWN) ? BuildInfo.UNKNOWN : "javac " + build.compiler();
        return field("Version", build.version()) + field("Compiled by", build.builtBy())
                + field("Compile host", build.buildHost()) + field("Compile date", build.buildDate())
                + field("Compile location", build.buildLocation()) + field("Compiler", compiler)
                + field("Current PID", Long.toString(pid)) + field("Java version", javaVersion)
                + field("Java VM", javaVm);
    }

    private static String field(String name, String value) {
        return Columns.left(name + ":", 25) + " " + value + "\n";
    }
}
