package io.vecta.nativeio.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the host offers in hugepages, read from {@code /proc/meminfo} and
 * {@code /sys/kernel/mm/hugepages}.
 *
 * <p>Used to resolve VPP's {@code page-size default-hugepage} and to explain a failed hugepage
 * mapping. The figures are a snapshot: another process can take free hugepages at any time, so
 * only the mapping itself says whether there were enough.
 */
public final class HugePages {

    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path SYSFS = Path.of("/sys/kernel/mm/hugepages");

    private HugePages() {
    }

    /**
     * The default hugepage size in bytes ({@code Hugepagesize} in {@code /proc/meminfo}),
     * 2M on most x86-64 hosts; 0 if the kernel has no hugepage support.
     */
    public static long defaultSize() {
        return meminfoKilobytes("Hugepagesize:") * 1024;
    }

    /** Hugepages of {@code pageSize} bytes configured on the host (all NUMA nodes), 0 if none. */
    public static long total(long pageSize) {
        return sysfsCount(pageSize, "nr_hugepages");
    }

    /** Hugepages of {@code pageSize} bytes not yet taken, 0 if none. */
    public static long free(long pageSize) {
        return sysfsCount(pageSize, "free_hugepages");
    }

    private static long sysfsCount(long pageSize, String file) {
        Path path = SYSFS.resolve("hugepages-" + (pageSize >> 10) + "kB").resolve(file);
        if (!Files.isReadable(path)) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readString(path).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    private static long meminfoKilobytes(String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(MEMINFO);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + MEMINFO, e);
        }
        for (String line : lines) {
            if (line.startsWith(key)) {
                String value = line.substring(key.length()).trim();
                int space = value.indexOf(' ');
                return Long.parseLong(space < 0 ? value : value.substring(0, space));
            }
        }
        return 0;
    }
}
