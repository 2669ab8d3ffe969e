package io.vecta.nativeio.linux;

/**
 * A C library call failed and set {@code errno}.
 *
 * <p>The message reads like a line of {@code strace}, followed by the error, so that it can be
 * searched for and understood without the code:
 * <pre>
 * mmap(NULL, 4194304, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_POPULATE, 7, 0) failed: ENOMEM (Cannot allocate memory)
 * </pre>
 */
public final class ErrnoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;
    private final String errnoName;

    /**
     * @param call the call as it was made, with the arguments that matter, e.g.
     *             {@code ftruncate(7, 4096)}
     * @param errno the value of {@code errno} right after the call
     */
    public ErrnoException(String call, int errno) {
        this(call, errno, Libc.errnoName(errno), Libc.strerror(errno));
    }

    private ErrnoException(String call, int errno, String errnoName, String text) {
        this(call + " failed: " + errnoName + " (" + text + ")", call, errno, errnoName);
    }

    private ErrnoException(String message, String call, int errno, String errnoName) {
        super(message);
        this.call = call;
        this.errno = errno;
        this.errnoName = errnoName;
    }

    /**
     * The same failure, its message led by what the call was for and followed by what to do,
     * e.g. {@code host interface veth1: socket(AF_PACKET, ...) failed: EPERM (Operation not
     * permitted); packet sockets need CAP_NET_RAW}. Call and errno stay as they were.
     *
     * @param context what the call was for, without a colon
     * @param hint    what the reader can do about it; empty for nothing
     */
    public ErrnoException withContext(String context, String hint) {
        ErrnoException wrapped = new ErrnoException(context + ": " + getMessage() + (hint.isEmpty() ? "" : "; " + hint),
                call, errno, errnoName);
        wrapped.setStackTrace(getStackTrace());
        return wrapped;
    }

    /** The call with its arguments, e.g. {@code ftruncate(7, 4096)}. */
    public String call() {
        return call;
    }

    /** The numeric errno, e.g. 12. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno, e.g. {@code ENOMEM}; {@code errno 4242} when the C library has no name for it. */
    public String errnoName() {
        return errnoName;
    }
}
