package io.vecta.runtime.buffer;

/**
 * Told, by {@link ThreadBufferAllocator#freeCounting}, of the packets it frees, in runs of
 * packets that carry the same error and came in on the same interface: what a node that ends
 * packets counts, learnt in the walk that frees them instead of a walk of its own.
 */
@FunctionalInterface
public interface FreedPackets {

    /**
     * {@code packets} packets (head buffers) in a row carried {@code error} in their error
     * field and came in on {@code rxSwIfIndex}; called before they are freed.
     */
    void count(int error, int rxSwIfIndex, long packets);
}
