/**
 * {@code AF_PACKET} host interfaces through the FFM API: a kernel network device (a veth, a
 * NIC) read and written through memory-mapped packet rings, as VPP's {@code af_packet} plugin
 * and DPDK's {@code net_af_packet} do.
 *
 * <pre>
 *   kernel device "veth1"
 *     ├── RxRing: socket(AF_PACKET, SOCK_RAW), bind(ETH_P_ALL, ifindex), TPACKET_V3,
 *     │           PACKET_IGNORE_OUTGOING, PACKET_RX_RING, mmap        ── next() per frame
 *     └── TxRing: socket(AF_PACKET, SOCK_RAW), bind(0, ifindex), TPACKET_V2, PACKET_LOSS,
 *                 PACKET_QDISC_BYPASS, PACKET_TX_RING, mmap           ── claim/send, flush = sendto
 * </pre>
 * Receive and transmit use separate sockets because the ring version is a property of the
 * socket: V3's variable-size frames packed in blocks suit receiving (one status load per block,
 * no wasted ring space for small frames), and V2's fixed slots suit sending. The structures the
 * kernel shares are drawn in {@link io.vecta.nativeio.afpacket.TpacketBlockDesc},
 * {@link io.vecta.nativeio.afpacket.Tpacket3Hdr}, {@link io.vecta.nativeio.afpacket.Tpacket2Hdr},
 * {@link io.vecta.nativeio.afpacket.RingRequest} and {@link io.vecta.nativeio.afpacket.SockaddrLl};
 * {@link io.vecta.nativeio.afpacket.HostInterface} reads a device's index and address.
 *
 * <p>Opening needs {@code CAP_NET_RAW}; every failure is an
 * {@link io.vecta.nativeio.linux.ErrnoException} that names the interface and the call. The data
 * path ({@code next}, {@code claim}, {@code send}, {@code flush}) allocates nothing and throws
 * nothing: a full ring is an answer, a failed {@code sendto} a negative errno.
 */
package io.vecta.nativeio.afpacket;
