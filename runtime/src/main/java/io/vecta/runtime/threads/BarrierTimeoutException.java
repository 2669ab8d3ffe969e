package io.vecta.runtime.threads;

/** A worker did not stop at the barrier within its time limit; the message names it. */
public final class BarrierTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int worker;

    /** Worker {@code worker} (0 for {@code vecta_wk_0}) did not arrive; {@code message} says who it is. */
    public BarrierTimeoutException(int worker, String message) {
        super(message);
        this.worker = worker;
    }

    /** The worker that did not arrive: 0 for {@code vecta_wk_0}. */
    public int worker() {
        return worker;
    }
}
