package io.vecta.runtime.threads;

import io.vecta.nativeio.linux.Libc;
import io.vecta.runtime.config.CpuConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where {@code cpu { }} puts the main thread and each worker, checked against the cores that
 * exist and that the process may use, before any thread starts.
 *
 * <ul>
 *   <li>{@code corelist-workers 2-3,5}: one worker per listed core.</li>
 *   <li>{@code workers N} with {@code main-core}: the first N cores the process may use after
 *       leaving out the first {@code skip-cores} of them and the main core, as VPP places them.</li>
 *   <li>{@code workers N} without {@code main-core}: N workers left to the scheduler
 *       (not pinned), as many as there are cores at most.</li>
 *   <li>{@code relative}: core numbers count the cores the process may use (its affinity mask)
 *       rather than the machine's.</li>
 * </ul>
 *
 * @param mainCore    the main thread's core, or {@link #NOT_PINNED}
 * @param workerCores worker {@code k}'s core at index {@code k}, or {@link #NOT_PINNED}
 */
public record CorePlacement(int mainCore, List<Integer> workerCores) {

    /** A thread left to the scheduler. */
    public static final int NOT_PINNED = -1;

    /** No workers, main not pinned. */
    public static final CorePlacement SINGLE_THREAD = new CorePlacement(NOT_PINNED, List.of());

    /** Copies the list. */
    public CorePlacement {
        workerCores = List.copyOf(workerCores);
    }

    /** {@code cpu}'s placement on this machine, for the calling process. */
    public static CorePlacement of(CpuConfig cpu) {
        if (cpu.workers() == 0 && cpu.mainCore().isEmpty()) {
            return SINGLE_THREAD;
        }
        return of(cpu, Libc.onlineCpus(), Libc.schedGetaffinity(0));
    }

    /**
     * {@code cpu}'s placement on a machine of {@code onlineCpus} cores of which the process may
     * use {@code available}.
     *
     * @throws IllegalArgumentException naming the cores asked for and those there are, if there
     *                                  are more workers than cores or a core does not exist or is
     *                                  not available
     */
    public static CorePlacement of(CpuConfig cpu, int onlineCpus, BitSet available) {
        String have = onlineCpus + " cores are online and this process may use " + Libc.coreList(available);
        if (cpu.workers() > onlineCpus) {
            throw new IllegalArgumentException("cpu { workers " + cpu.workers() + " }: more workers than cores: "
                    + have);
        }
        int[] usable = available.stream().filter(core -> core < onlineCpus).toArray();
        OptionalInt main = cpu.mainCore();
        int mainCore = NOT_PINNED;
        if (main.isPresent()) {
            mainCore = core(cpu, main.getAsInt(), usable, onlineCpus, available, "main-core " + main.getAsInt(), have);
        }
        List<Integer> workers = new ArrayList<>();
        if (!cpu.corelistWorkers().isEmpty()) {
            BitSet missing = new BitSet();
            for (int listed : cpu.corelistWorkers()) {
                int core = cpu.relative() ? (listed < usable.length ? usable[listed] : -1) : listed;
                if (core < 0 || core >= onlineCpus || !available.get(core)) {
                    missing.set(listed);
                }
                workers.add(core);
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("cpu { corelist-workers }: " + (cpu.relative() ? "relative " : "")
                        + "cores " + Libc.coreList(missing) + " do not exist or may not be used: " + have);
            }
        } else if (mainCore != NOT_PINNED) {
            for (int i = cpu.skipCores(); i < usable.length && workers.size() < cpu.workers(); i++) {
                if (usable[i] != mainCore) {
                    workers.add(usable[i]);
                }
            }
            if (workers.size() < cpu.workers()) {
                throw new IllegalArgumentException("cpu { workers " + cpu.workers() + " }: only " + workers.size()
                        + " cores are left after main-core " + mainCore + " and skip-cores " + cpu.skipCores()
                        + ": " + have);
            }
        } else {
            for (int k = 0; k < cpu.workers(); k++) {
                workers.add(NOT_PINNED);
            }
        }
        return new CorePlacement(mainCore, workers);
    }

    private static int core(CpuConfig cpu, int number, int[] usable, int onlineCpus, BitSet available, String what,
                            String have) {
        int core = cpu.relative() ? (number < usable.length ? usable[number] : -1) : number;
        if (core < 0 || core >= onlineCpus || !available.get(core)) {
            throw new IllegalArgumentException("cpu { " + what + " }: " + (cpu.relative() ? "relative " : "")
                    + "core " + number + " does not exist or may not be used: " + have);
        }
        return core;
    }

    /** The number of workers. */
    public int workers() {
        return workerCores.size();
    }
}
