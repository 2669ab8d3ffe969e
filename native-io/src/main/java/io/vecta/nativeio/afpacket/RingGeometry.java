package io.vecta.nativeio.afpacket;

/**
 * The shape of a packet ring: {@code blockCount} blocks of {@code blockSize} bytes, each cut
 * into frames of {@code frameSize} bytes. A V3 receive ring packs frames of any length into its
 * blocks and uses the frame size only as the kernel's sanity bound; a V2 transmit ring has
 * exactly {@link #frameCount()} fixed frames, laid end to end since the frame size divides the
 * block size.
 *
 * @param blockSize  bytes per block: a power of two, at least the 4 KiB page, at most 4 MiB
 * @param blockCount blocks, 1 to 65536
 * @param frameSize  bytes per frame: a multiple of 16 that divides the block size, at least 128
 */
public record RingGeometry(int blockSize, int blockCount, int frameSize) {

    /** The page size rings are made of; blocks are whole pages. */
    public static final int PAGE_SIZE = 4096;
    /** Largest block: the kernel allocates each block as one contiguous run of pages. */
    public static final int MAX_BLOCK_SIZE = 4 << 20;
    /** Most blocks in one ring, a bound for sanity rather than the kernel's. */
    public static final int MAX_BLOCKS = 65536;
    /** Smallest frame: room for the 48-byte frame header, its address and an Ethernet header. */
    public static final int MIN_FRAME_SIZE = 128;

    /** Checks the shape against what the kernel accepts. */
    public RingGeometry {
        if (blockSize < PAGE_SIZE || blockSize > MAX_BLOCK_SIZE || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("packet ring: block size " + blockSize + " must be a power of two from "
                    + PAGE_SIZE + " to " + MAX_BLOCK_SIZE + " bytes");
        }
        if (blockCount < 1 || blockCount > MAX_BLOCKS) {
            throw new IllegalArgumentException("packet ring: block count " + blockCount + " must be 1 to " + MAX_BLOCKS);
        }
        if (frameSize < MIN_FRAME_SIZE || frameSize % PacketSocketOptions.TPACKET_ALIGNMENT != 0
                || blockSize % frameSize != 0) {
            throw new IllegalArgumentException("packet ring: frame size " + frameSize + " must be at least "
                    + MIN_FRAME_SIZE + ", a multiple of " + PacketSocketOptions.TPACKET_ALIGNMENT
                    + " and divide the block size " + blockSize);
        }
    }

    /** Frames per block. */
    public int framesPerBlock() {
        return blockSize / frameSize;
    }

    /** Frames in the ring. */
    public int frameCount() {
        return framesPerBlock() * blockCount;
    }

    /** Bytes of the whole ring, as mapped. */
    public long ringSize() {
        return (long) blockSize * blockCount;
    }

    @Override
    public String toString() {
        return blockCount + " blocks of " + blockSize + " bytes, frames of " + frameSize + " bytes";
    }
}
