package io.vecta.runtime.config;

import io.vecta.sdk.config.ConfigBlock;
import io.vecta.sdk.config.ConfigItem;
import io.vecta.sdk.config.ConfigKeys;
import io.vecta.sdk.config.ConfigWord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The {@code cpu { }} section: how many worker threads, and on which cores the main thread and
 * the workers run. Either place them by hand, or name a count and let them follow the main core.
 * <pre>
 * cpu {
 *   main-core 1
 *   corelist-workers 2-3,18-19     # one worker per listed core
 *   # or:  workers 2  skip-cores 4 # N workers on the cores after main-core, skipping the first 4
 *   relative                       # core numbers count the cores this process may use
 *   scheduler-policy fifo          # other | batch | idle | fifo | rr
 *   scheduler-priority 50          # 1 to 99, fifo and rr only
 * }
 * </pre>
 * The rules are VPP's: a core list or {@code skip-cores} or {@code relative} needs
 * {@code main-core}; a core list and {@code workers} cannot both give the count.
 *
 * @param mainCore          the main thread's core, if pinned
 * @param corelistWorkers   the workers' cores in ascending order; empty if not placed by hand
 * @param workers           the number of worker threads
 * @param skipCores         cores left out before automatic placement
 * @param relative          core numbers count the cores available to the process
 * @param schedulerPolicy   {@code other}, {@code batch}, {@code idle}, {@code fifo} or {@code rr}, if given
 * @param schedulerPriority the real-time priority, if given
 */
public record CpuConfig(OptionalInt mainCore, List<Integer> corelistWorkers, int workers, int skipCores,
        boolean relative, Optional<String> schedulerPolicy, OptionalInt schedulerPriority) {

    /** The section's name. */
    public static final String SECTION = "cpu";

    /** The highest core number accepted, as Linux's largest usual {@code NR_CPUS} allows. */
    public static final int MAX_CORE = 8191;

    /** The keys the section accepts. */
    public static final ConfigKeys KEYS = ConfigKeys.builder()
            .value("main-core", "N")
            .value("corelist-workers", "LIST")
            .value("workers", "N")
            .value("skip-cores", "N")
            .flag("relative")
            .value("scheduler-policy", "other|batch|idle|fifo|rr")
            .value("scheduler-priority", "N")
            .build();

    /** Copies the list. */
    public CpuConfig {
        corelistWorkers = List.copyOf(corelistWorkers);
    }

    /** Reads the section. */
    public static CpuConfig from(ConfigBlock cpu) {
        OptionalInt mainCore = cpu.intValue("main-core", 0, MAX_CORE);
        Optional<ConfigItem> corelist = cpu.item("corelist-workers");
        List<Integer> cores = corelist.map(item -> cores(cpu, item.value().orElseThrow())).orElse(List.of());
        Optional<ConfigItem> workersItem = cpu.item("workers");
        int workers = cpu.intValue("workers", 0, MAX_CORE).orElse(cores.size());
        if (corelist.isPresent() && workersItem.isPresent()) {
            ConfigItem later = cpu.items().indexOf(corelist.get()) > cpu.items().indexOf(workersItem.get())
                    ? corelist.get() : workersItem.get();
            throw cpu.error(later.position(), "workers and corelist-workers both set the number of workers; keep one");
        }
        for (String key : List.of("corelist-workers", "skip-cores", "relative")) {
            Optional<ConfigItem> item = cpu.items().stream().filter(i -> i.key().equals(key)).findFirst();
            if (item.isPresent() && mainCore.isEmpty()) {
                throw cpu.error(item.get().position(), key + " needs main-core");
            }
        }
        if (mainCore.isPresent() && cores.contains(mainCore.getAsInt())) {
            throw cpu.error(corelist.orElseThrow().value().orElseThrow().position(), "corelist-workers "
                    + corelist.get().value().orElseThrow().text() + " includes main-core " + mainCore.getAsInt());
        }
        Optional<String> policy = cpu.choice("scheduler-policy", "other", "batch", "idle", "fifo", "rr");
        OptionalInt priority = cpu.intValue("scheduler-priority", 1, 99);
        if (priority.isPresent() && !(policy.equals(Optional.of("fifo")) || policy.equals(Optional.of("rr")))) {
            throw cpu.error(cpu.item("scheduler-priority").orElseThrow().position(),
                    "scheduler-priority needs scheduler-policy fifo or rr");
        }
        return new CpuConfig(mainCore, cores, workers, cpu.intValue("skip-cores", 0, MAX_CORE).orElse(0),
                cpu.flag("relative"), policy, priority);
    }

    /** {@code 2-5,7} as [2, 3, 4, 5, 7], VPP's bitmap list syntax. */
    private static List<Integer> cores(ConfigBlock cpu, ConfigWord list) {
        TreeSet<Integer> cores = new TreeSet<>();
        for (String part : list.text().split(",", -1)) {
            String[] bounds = part.split("-", -1);
            int first = core(bounds[0]);
            int last = bounds.length == 2 ? core(bounds[1]) : first;
            if (bounds.length > 2 || first < 0 || last < first) {
                throw cpu.expected(list, "corelist-workers",
                        "cores and ranges of cores such as 2-5,7, from 0 to " + MAX_CORE);
            }
            for (int core = first; core <= last; core++) {
                cores.add(core);
            }
        }
        return List.copyOf(cores);
    }

    private static int core(String text) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int core = Integer.parseInt(text);
        return core <= MAX_CORE ? core : -1;
    }
}
