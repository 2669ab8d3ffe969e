package io.vecta.runtime.interfaces;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a receive queue is read (VPP's {@code vnet_hw_if_rx_mode}), set with
 * {@code set interface rx-mode} and shown by {@code show interface rx-placement}.
 */
public enum RxMode {
    /** Its input node looks at the queue on every turn of its thread's loop. */
    POLLING("polling"),
    /** Its input node is called only when the queue's file descriptor is readable. */
    INTERRUPT("interrupt"),
    /** Interrupt while the queue is quiet, polling while it is busy. */
    ADAPTIVE("adaptive");

    private final String word;

    RxMode(String word) {
        this.word = word;
    }

    /** The word in commands and reports: {@code polling}, {@code interrupt}, {@code adaptive}. */
    public String word() {
        return word;
    }

    /** The mode named {@code word}, if any. */
    public static Optional<RxMode> ofWord(String word) {
        return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
    }
}
