package io.vecta.nativeio.afpacket;

import io.vecta.nativeio.linux.ErrnoException;
import io.vecta.nativeio.linux.Libc;
import io.vecta.nativeio.linux.MappedMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A {@code TPACKET_V2} transmit ring on one kernel interface: an {@code AF_PACKET} raw socket
 * bound to the device for no protocol (it receives nothing), whose frames go straight to the
 * driver ({@code PACKET_QDISC_BYPASS}), a malformed frame being skipped rather than left to
 * block the ring ({@code PACKET_LOSS}).
 *
 * <pre>
 *  ring = frameCount slots of frameSize bytes, end to end
 *  +----------------------------+----------------------------+----
 *  | tpacket2_hdr | frame bytes | tpacket2_hdr | frame bytes | ...
 *  |  tp_status   |  at +32     |                            |
 *  |  tp_len      |             |                            |
 *  +----------------------------+----------------------------+----
 *    ▲ head: the next slot to fill
 *
 *  AVAILABLE ──claim, write, send()──▶ SEND_REQUEST ──flush() (sendto)──▶ SENDING ──▶ AVAILABLE
 * </pre>
 * {@link #claim()} answers the slot at the head if the kernel is done with it, else the ring is
 * full; {@link #send} hands it over and moves the head; {@link #flush()} asks the kernel to send
 * everything handed over, once per batch.
 *
 * <p>One thread sends on a ring. {@link #claim}, {@link #send} and {@link #flush} allocate
 * nothing and throw nothing; {@code flush} is the one system call.
 */
public final class TxRing implements AutoCloseable {

    /** 8 blocks of 64 KiB: 256 slots of 2048 bytes, frames up to 2016 bytes. */
    public static final RingGeometry DEFAULT_GEOMETRY = new RingGeometry(1 << 16, 8, 2048);

    private final String interfaceName;
    private final int fd;
    private final MappedMemory mapping;
    private final MemorySegment ring;
    private final Arena scratch;
    private final MemorySegment callState;
    private final int frameSize;
    private final int frameCount;
    private int head;
    private int pending;

    private TxRing(String interfaceName, int fd, MappedMemory mapping, RingGeometry geometry) {
        this.interfaceName = interfaceName;
        this.fd = fd;
        this.mapping = mapping;
        this.ring = mapping.segment();
        this.scratch = Arena.ofShared();
        this.callState = Libc.newCallState(scratch);
        this.frameSize = geometry.frameSize();
        this.frameCount = geometry.frameCount();
    }

    /**
     * Opens a transmit ring on {@code interfaceName} with {@link #DEFAULT_GEOMETRY}.
     *
     * @throws ErrnoException naming the interface and the call that failed
     */
    public static TxRing open(String interfaceName) {
        return open(interfaceName, DEFAULT_GEOMETRY);
    }

    /**
     * Opens a transmit ring on {@code interfaceName}.
     *
     * @throws ErrnoException naming the interface and the call that failed
     */
    public static TxRing open(String interfaceName, RingGeometry geometry) {
        try (Arena arena = Arena.ofConfined()) {
            PacketSocket.Opened opened = PacketSocket.open(interfaceName, 0, PacketSocketOptions.TPACKET_V2,
                    new PacketSocket.IntOption[] {
                            new PacketSocket.IntOption(PacketSocketOptions.PACKET_LOSS, "PACKET_LOSS", 1),
                            new PacketSocket.IntOption(PacketSocketOptions.PACKET_QDISC_BYPASS, "PACKET_QDISC_BYPASS", 1)},
                    PacketSocketOptions.PACKET_TX_RING, RingRequest.v2(arena, geometry), geometry);
            return new TxRing(interfaceName, opened.fd(), opened.mapping(), geometry);
        }
    }

    /**
     * The offset in {@link #memory()} where the next frame's bytes go, or -1 when the ring is
     * full (the kernel has not sent the slot at the head yet). Claiming again without
     * {@link #send} answers the same slot.
     */
    public long claim() {
        long slot = (long) head * frameSize;
        int status = Tpacket2Hdr.statusAcquire(ring, slot);
        return status == PacketSocketOptions.TP_STATUS_AVAILABLE ? slot + Tpacket2Hdr.TX_DATA_OFFSET : -1;
    }

    /**
     * Hands the claimed slot, holding {@code length} bytes at {@code data}, to the kernel, to go
     * at the next {@link #flush()}.
     *
     * @param data what {@link #claim()} answered
     */
    public void send(long data, int length) {
        Tpacket2Hdr.requestSend(ring, data - Tpacket2Hdr.TX_DATA_OFFSET, length);
        head = head + 1 == frameCount ? 0 : head + 1;
        pending++;
    }

    /**
     * Asks the kernel to send every slot handed over since the last flush
     * ({@code sendto(fd, NULL, 0, MSG_DONTWAIT, NULL, 0)}); nothing when there is none.
     *
     * @return the bytes the kernel took, or {@code -errno} when {@code sendto} failed
     */
    public long flush() {
        if (pending == 0) {
            return 0;
        }
        pending = 0;
        return Libc.sendtoEmpty(fd, Libc.MSG_DONTWAIT, callState);
    }

    /** The longest frame a slot holds. */
    public int maxFrameLength() {
        return frameSize - (int) Tpacket2Hdr.TX_DATA_OFFSET;
    }

    /** The mapped ring, to write frames at what {@link #claim()} answers. */
    public MemorySegment memory() {
        return ring;
    }

    /** The socket. */
    public int fd() {
        return fd;
    }

    /** The interface the ring sends on. */
    public String interfaceName() {
        return interfaceName;
    }

    /** Slots handed to the kernel and not yet available again, for tests and {@code show}. */
    public int inFlight() {
        int busy = 0;
        for (int i = 0; i < frameCount; i++) {
            if (Tpacket2Hdr.statusAcquire(ring, (long) i * frameSize) != PacketSocketOptions.TP_STATUS_AVAILABLE) {
                busy++;
            }
        }
        return busy;
    }

    /** Unmaps the ring and closes the socket; nothing may be sent on it any more. */
    @Override
    public void close() {
        try {
            mapping.close();
        } finally {
            scratch.close();
            Libc.close(fd);
        }
    }
}
