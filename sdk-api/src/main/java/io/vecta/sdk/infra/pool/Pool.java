package io.vecta.sdk.infra.pool;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A pool of reusable objects named by stable indices: per-flow or per-session state that a
 * plugin keeps on the heap.
 *
 * <pre>
 *  index:     0        1        2        3
 *  live:      1        0        1        0      (the {@link IndexPool} underneath)
 *  elements: [S@a1]   [S@b2]   [S@c3]   null    an element, once made, stays in its slot
 * </pre>
 *
 * <p>{@link #get()} returns an index; {@link #at(int)} returns the object in that slot. The
 * factory runs only the first time a slot is used: an element {@link #put(int) put} back keeps
 * its object, and a later {@link #get()} that reuses the slot returns the same object with the
 * state it was left in, so the caller re-initialises it. Once the pool has reached its working
 * size, get and put allocate nothing.
 *
 * <p><b>Threads.</b> Not thread-safe, as {@link IndexPool}: per-thread pools, or changes made by
 * the main thread under the worker barrier.
 *
 * @param <T> the element type
 */
public final class Pool<T> {

    private final IndexPool indices;
    private final Supplier<? extends T> factory;
    private Object[] elements;

    private Pool(IndexPool indices, Supplier<? extends T> factory) {
        if (factory == null) {
            throw new IllegalArgumentException("pool '" + indices.name() + "': factory must not be null");
        }
        this.indices = indices;
        this.factory = factory;
        this.elements = new Object[indices.capacity()];
    }

    /** A pool that starts with room for {@code initialCapacity} elements and doubles as needed. */
    public static <T> Pool<T> growable(String name, int initialCapacity, Supplier<? extends T> factory) {
        return new Pool<>(IndexPool.growable(name, initialCapacity), factory);
    }

    /** A pool of at most {@code capacity} elements that never grows. */
    public static <T> Pool<T> fixed(String name, int capacity, Supplier<? extends T> factory) {
        return new Pool<>(IndexPool.fixed(name, capacity), factory);
    }

    /**
     * Takes a free slot and returns its index; its element, from {@link #at(int)}, is either new
     * from the factory or the object last put in that slot, unchanged.
     *
     * @throws IllegalStateException when a fixed pool is full
     */
    public int get() {
        int index = indices.get();
        if (index >= elements.length) {
            elements = Arrays.copyOf(elements, indices.capacity());
        }
        if (elements[index] == null) {
            elements[index] = newElement(index);
        }
        return index;
    }

    private T newElement(int index) {
        T element;
        try {
            element = factory.get();
        } catch (RuntimeException | Error failure) {
            indices.put(index);
            throw failure;
        }
        if (element == null) {
            indices.put(index);
            throw new IllegalStateException("pool '" + indices.name() + "': factory returned null");
        }
        return element;
    }

    /**
     * The element in a live slot.
     *
     * @throws IndexOutOfBoundsException when the index is outside the capacity
     * @throws IllegalArgumentException when the slot is free
     */
    @SuppressWarnings("unchecked")
    public T at(int index) {
        indices.requireLive(index);
        return (T) elements[index];
    }

    /**
     * Frees a slot; its element stays for the next {@link #get()} that reuses it.
     *
     * @throws IndexOutOfBoundsException when the index is outside the capacity
     * @throws IllegalArgumentException when the slot is already free
     */
    public void put(int index) {
        indices.put(index);
    }

    /** Whether the slot at {@code index} is in use. */
    public boolean isLive(int index) {
        return indices.isLive(index);
    }

    /** The smallest live index at or after {@code from}, or -1: see {@link IndexPool#nextLive(int)}. */
    public int nextLive(int from) {
        return indices.nextLive(from);
    }

    /** Calls {@code action} with each live index in ascending order: see {@link IndexPool#forEachLive}. */
    public void forEachLive(IntConsumer action) {
        indices.forEachLive(action);
    }

    /** How many slots are in use. */
    public int size() {
        return indices.size();
    }

    /** How many slots exist now. */
    public int capacity() {
        return indices.capacity();
    }

    /** The name used in error messages. */
    public String name() {
        return indices.name();
    }

    @Override
    public String toString() {
        return indices.toString();
    }
}
