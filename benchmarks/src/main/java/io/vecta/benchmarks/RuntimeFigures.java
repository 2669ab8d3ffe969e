package io.vecta.benchmarks;

import io.vecta.runtime.dispatch.NodeRuntime;
import io.vecta.runtime.dispatch.ThreadRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The runtime's own figures for a benchmark's nodes, as {@code show runtime} computes them: per
 * node, the nanoseconds of its calls over the vectors it processed. A benchmark clears the
 * thread's figures before each iteration and {@link #record records} them after each measured
 * one; the {@link #report} gives, per node, the figure of the least disturbed iteration (the
 * one whose summed nodes cost least: on a shared machine some iterations are slowed from
 * outside) and the median over all of them.
 */
public final class RuntimeFigures {

    private final ThreadRuntime thread;
    private final List<String> nodes;
    private final int firstSummed;
    private final String sumName;
    private final List<double[]> iterations = new ArrayList<>();

    /**
     * @param nodes       the nodes to report, in path order; a node that processed nothing in
     *                    an iteration counts 0 there
     * @param firstSummed the first of {@code nodes} whose figures are summed (the ones before it,
     *                    such as a packet generator, are reported on their own)
     * @param sumName     what the sum is called in the report
     */
    public RuntimeFigures(ThreadRuntime thread, List<String> nodes, int firstSummed, String sumName) {
        this.thread = thread;
        // nodes the graph lacks (a benchmark's variant may leave some out) are not reported
        this.nodes = nodes.stream().filter(thread.graph()::hasNode).toList();
        this.firstSummed = (int) nodes.subList(0, firstSummed).stream().filter(thread.graph()::hasNode).count();
        this.sumName = sumName;
    }

    /** Keeps ns per packet of each node in the iteration just measured. */
    public void record() {
        double[] figures = new double[nodes.size()];
        for (int i = 0; i < figures.length; i++) {
            NodeRuntime n = thread.node(nodes.get(i));
            figures[i] = n.vectors() == 0 ? 0.0 : (double) n.nanos() / n.vectors();
        }
        iterations.add(figures);
    }

    /**
     * Throws if a node of the path processed nothing in the iteration just measured: a
     * benchmark whose packets all take one path calls it, so that a broken path fails the run
     * instead of reporting a short one.
     */
    public void requireEveryNodeRan() {
        for (String name : nodes) {
            if (thread.node(name).vectors() == 0) {
                throw new IllegalStateException("node " + name + " processed nothing: the path is broken");
            }
        }
    }

    /** The summed nodes' figures of one iteration. */
    private double sum(double[] figures) {
        double total = 0;
        for (int i = firstSummed; i < figures.length; i++) {
            total += figures[i];
        }
        return total;
    }

    /** Per node, the least disturbed iteration's figure and the median, then their sums. */
    public String report(String title) {
        if (iterations.isEmpty()) {
            return "runtime (" + title + "): no measured iteration";
        }
        List<double[]> sorted = new ArrayList<>(iterations);
        sorted.sort(Comparator.comparingDouble(this::sum));
        double[] best = sorted.getFirst();
        double[] median = new double[best.length];
        for (int i = 0; i < median.length; i++) {
            double[] column = new double[sorted.size()];
            for (int k = 0; k < column.length; k++) {
                column[k] = sorted.get(k)[i];
            }
            Arrays.sort(column);
            median[i] = column[column.length / 2];
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "runtime (%s): %-24s %12s %12s%n", title,
                "node, ns/packet", "best", "median"));
        for (int i = 0; i < nodes.size(); i++) {
            out.append(String.format(Locale.ROOT, "  %-24s %12.2f %12.2f%n", nodes.get(i), best[i], median[i]));
        }
        return out.append(String.format(Locale.ROOT, "  %-24s %12.2f %12.2f   (%d iterations)", sumName, sum(best),
                sum(median), sorted.size())).toString();
    }
}
