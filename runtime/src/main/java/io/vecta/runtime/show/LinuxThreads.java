package io.vecta.runtime.show;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Linux tells about the threads of this process through {@code /proc}: the calling
 * thread's id, a thread's id by its name, and a thread's scheduling policy. Everything here
 * answers "not known" rather than failing where {@code /proc} is absent or says otherwise.
 *
 * <pre>
 *   /proc/self/task/&lt;lwp&gt;/stat, fields after the ")" closing the name (field 3 first):
 *     ... field 39 processor, field 40 rt_priority, field 41 policy ...
 * </pre>
 */
final class LinuxThreads {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Fields of {@code stat} counted from field 3, the first after the thread's name. */
    private static final int RT_PRIORITY = 40 - 3;
    private static final int POLICY = 41 - 3;
    /** Linux keeps the first 15 bytes of a thread's name. */
    private static final int COMM_LENGTH = 15;

    private LinuxThreads() {
    }

    /** The calling thread's Linux thread id, or {@link DispatchThread#UNKNOWN}. */
    static long currentLwp() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(self.getFileName().toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return DispatchThread.UNKNOWN;
        }
    }

    /**
     * The id of the one thread of this process whose name is {@code name} as Linux keeps it
     * (cut to 15 bytes); empty if none or several have it.
     */
    static Optional<Long> lwpByName(String name) {
        String comm = name.length() > COMM_LENGTH ? name.substring(0, COMM_LENGTH) : name;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            var found = tasks.filter(task -> comm.equals(read(task.resolve("comm")).strip())).limit(2).toList();
            return found.size() == 1 ? Optional.of(Long.parseLong(found.getFirst().getFileName().toString()))
                    : Optional.empty();
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** VPP's {@code Sched} column: {@code other (0)}, {@code fifo (50)}; empty if not known. */
    static Optional<String> schedPolicy(long lwp) {
        String stat = read(TASKS.resolve(Long.toString(lwp)).resolve("stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return Optional.empty();
        }
        String[] fields = stat.substring(end + 1).strip().split(" ");
        if (fields.length <= POLICY) {
            return Optional.empty();
        }
        return Optional.of(policyName(Integer.parseInt(fields[POLICY])) + " (" + fields[RT_PRIORITY] + ")");
    }

    /** The name VPP gives to Linux scheduling policy {@code policy}. */
    static String policyName(int policy) {
        return switch (policy) {
            case 0 -> "other";
            case 1 -> "fifo";
            case 2 -> "rr";
            case 3 -> "batch";
            case 5 -> "idle";
            case 6 -> "deadline";
            default -> "policy " + policy;
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
