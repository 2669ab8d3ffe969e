package io.vecta.sdk.packet;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;

/**
 * Real frames captured from the Linux kernel, as hex, with the decode tshark gave for each.
 *
 * <p>How they were captured ({@code src/test/captures/capture-reference-frames.sh} repeats it):
 * two network namespaces A and B joined by a veth pair, A's end {@code 02:fe:12:34:56:78} with
 * 192.0.2.1/24 and 2001:db8::1/64, B's end {@code 02:fe:9a:bc:de:f0} with 192.0.2.2/24 and
 * 2001:db8::2/64, checksum and VLAN offloads off ({@code ethtool -K tx off rx off txvlan off
 * rxvlan off}) so every checksum in the capture is the one computed in software. Each command
 * below ran in A while {@code tcpdump -i vcb -w} ran in B; the hex is the frame's bytes from the
 * pcap, and the expected values in the tests come from {@code tshark -V} on the same pcap. The
 * kernel had no 802.1Q module, so the tagged frames are A's own echo requests with the tags
 * pushed on egress by a tc classifier ({@code bpf_skb_vlan_push}).
 */
final class CapturedFrames {

    /** Headroom in front of each frame: odd, so that no header field lands on an aligned address. */
    static final int HEADROOM = 37;

    static final long MAC_A = 0x02fe12345678L;
    static final long MAC_B = 0x02fe9abcdef0L;
    static final int IP4_A = 0xc0000201;
    static final int IP4_B = 0xc0000202;

    private CapturedFrames() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    /** The frame in off-heap memory at {@link #HEADROOM}, with nothing after it. */
    static MemorySegment load(Arena arena, String hex) {
        byte[] frame = bytes(hex);
        MemorySegment m = arena.allocate(HEADROOM + frame.length);
        MemorySegment.copy(MemorySegment.ofArray(frame), 0, m, HEADROOM, frame.length);
        return m;
    }

    /**
     * arp-and-ping.pcap frame 1, 42 bytes: ping -c 1 -p 766563746120 192.0.2.2.
     * <br>tshark: ARP 42 Who has 192.0.2.2? Tell 192.0.2.1
     */
    static final String ARP_REQUEST = """
            ffffffffffff02fe123456780806000108000604000102fe12345678c0000201
            000000000000c0000202
            """;

    /**
     * arp-and-ping.pcap frame 2, 42 bytes: ping -c 1 -p 766563746120 192.0.2.2.
     * <br>tshark: ARP 42 192.0.2.2 is at 02:fe:9a:bc:de:f0
     */
    static final String ARP_REPLY = """
            02fe1234567802fe9abcdef00806000108000604000202fe9abcdef0c0000202
            02fe12345678c0000201
            """;

    /**
     * arp-and-ping.pcap frame 3, 98 bytes: ping -c 1 -p 766563746120 192.0.2.2.
     * <br>tshark: ICMP 98 Echo (ping) request id=0x1909, seq=1/256, ttl=64
     */
    static final String ICMP_ECHO_REQUEST = """
            02fe9abcdef002fe12345678080045000054f55140004001c153c0000201c000
            02020800c4bf190900016a57076b000000006810070000000000612076656374
            6120766563746120766563746120766563746120766563746120766563746120
            7665
            """;

    /**
     * arp-and-ping.pcap frame 4, 98 bytes: ping -c 1 -p 766563746120 192.0.2.2.
     * <br>tshark: ICMP 98 Echo (ping) reply id=0x1909, seq=1/256, ttl=64
     */
    static final String ICMP_ECHO_REPLY = """
            02fe1234567802fe9abcdef00800450000548f15000040016790c0000202c000
            02010000ccbf190900016a57076b000000006810070000000000612076656374
            6120766563746120766563746120766563746120766563746120766563746120
            7665
            """;

    /**
     * ipv4-record-route.pcap frame 1, 138 bytes: ping -c 1 -R -Q 0xb9 192.0.2.2.
     * <br>tshark: ICMP 138 Echo (ping) request id=0x191d, seq=1/256, ttl=64 (IPv4 options: NOP, Record Route)
     */
    static final String IP4_RECORD_ROUTE = """
            02fe9abcdef002fe1234567808004fb9007cf58240004001cc30c0000201c000
            020201072708c000020100000000000000000000000000000000000000000000
            00000000000000000000080069b4191d00016c57076b000000003b9807000000
            0000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d
            2e2f3031323334353637
            """;

    /**
     * ipv4-fragments.pcap frame 1, 586 bytes: ping -c 1 -s 700 192.0.2.2, MTU 576.
     * <br>tshark: IPv4 586 Fragmented IP protocol (proto=ICMP 1, off=0, ID=f785)
     */
    static final String IP4_FIRST_FRAGMENT = """
            02fe9abcdef002fe1234567808004500023cf78520004001dd37c0000201c000
            02020800b42f196900017b57076b0000000009be0d0000000000101112131415
            161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435
            363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455
            565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475
            767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495
            969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5
            b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5
            d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5
            f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f101112131415
            161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435
            363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455
            565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475
            767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495
            969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5
            b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5
            d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5
            f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f101112131415
            161718191a1b1c1d1e1f
            """;

    /**
     * ipv4-fragments.pcap frame 2, 190 bytes: ping -c 1 -s 700 192.0.2.2, MTU 576.
     * <br>tshark: ICMP 190 Echo (ping) request id=0x1969, seq=1/256, ttl=64 (reassembled from 2 fragments)
     */
    static final String IP4_LAST_FRAGMENT = """
            02fe9abcdef002fe123456780800450000b0f78500454001fe7ec0000201c000
            0202202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d
            3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d
            5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d
            7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d
            9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babb
            """;

    /**
     * ping6.pcap frame 1, 86 bytes: ping -6 -c 1 -Q 0x6a 2001:db8::2.
     * <br>tshark: ICMPv6 86 Neighbor Solicitation for 2001:db8::2 from 02:fe:12:34:56:78
     */
    static final String ICMP6_NEIGHBOR_SOLICITATION = """
            3333ff00000202fe1234567886dd6000000000203aff20010db8000000000000
            000000000001ff0200000000000000000001ff0000028700b27d000000002001
            0db8000000000000000000000002010102fe12345678
            """;

    /**
     * ping6.pcap frame 3, 118 bytes: ping -6 -c 1 -Q 0x6a 2001:db8::2.
     * <br>tshark: ICMPv6 118 Echo (ping) request id=0x1959, seq=1, hop limit=64
     */
    static final String ICMP6_ECHO_REQUEST = """
            02fe9abcdef002fe1234567886dd66aa7ca800403a4020010db8000000000000
            00000000000120010db80000000000000000000000028000be6e195900017557
            076b0000000005b20b0000000000101112131415161718191a1b1c1d1e1f2021
            22232425262728292a2b2c2d2e2f3031323334353637
            """;

    /**
     * qinq-ping.pcap frame 1, 106 bytes: ping -c 1 -W 1 192.0.2.2, S-tag 200 and C-tag 300 pushed by a tc classifier.
     * <br>tshark: ICMP 106 Echo (ping) request id=0x19d3, seq=1/256, ttl=64 (802.1ad ID 200 / 802.1Q ID 300)
     */
    static final String QINQ_ICMP_ECHO_REQUEST = """
            02fe9abcdef002fe1234567888a860c88100112c080045000054fb9640004001
            bb0ec0000201c00002020800405019d300018157076b00000000514605000000
            0000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d
            2e2f3031323334353637
            """;

    /**
     * vlan100-ping.pcap frame 1, 102 bytes: ping -c 1 -W 1 192.0.2.2, 802.1Q tag pushed by a tc classifier.
     * <br>tshark: ICMP 102 Echo (ping) request id=0x19a4, seq=1/256, ttl=64 (802.1Q PRI 5 ID 100)
     */
    static final String VLAN_ICMP_ECHO_REQUEST = """
            02fe9abcdef002fe123456788100a064080045000054f91e40004001bd86c000
            0201c00002020800a9f419a400017e57076b00000000eed00100000000001011
            12131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031
            323334353637
            """;

    /**
     * tcp4-data.pcap frame 1, 74 bytes: python3 socket: connect to 192.0.2.2:7000, send &quot;hello vecta&quot;, send &quot;!&quot; with MSG_OOB.
     * <br>tshark: TCP 74 33036 → 7000 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=2176645182 TSecr=0 WS=1024
     */
    static final String TCP4_SYN = """
            02fe9abcdef002fe1234567808004500003c7ab4400040063c04c0000201c000
            0202810c1b58d016f97f00000000a002faf0e9110000020405b40402080a81bc
            f83e000000000103030a
            """;

    /**
     * tcp4-data.pcap frame 4, 77 bytes: python3 socket: connect to 192.0.2.2:7000, send &quot;hello vecta&quot;, send &quot;!&quot; with MSG_OOB.
     * <br>tshark: TCP 77 33036 → 7000 [PSH, ACK] Seq=1 Ack=1 Win=64512 Len=11 TSval=2176645182 TSecr=247430696
     */
    static final String TCP4_PSH_ACK = """
            02fe9abcdef002fe1234567808004500003f7ab6400040063bffc0000201c000
            0202810c1b58d016f980bc3a17458018003f333c00000101080a81bcf83e0ebf
            7e2868656c6c6f207665637461
            """;

    /**
     * tcp4-data.pcap frame 6, 67 bytes: python3 socket: connect to 192.0.2.2:7000, send &quot;hello vecta&quot;, send &quot;!&quot; with MSG_OOB.
     * <br>tshark: TCP 67 33036 → 7000 [PSH, ACK, URG] Seq=12 Ack=1 Win=64512 Urg=1 Len=1 TSval=2176645383 TSecr=247430696
     */
    static final String TCP4_URG = """
            02fe9abcdef002fe123456780800450000357ab7400040063c08c0000201c000
            0202810c1b58d016f98bbc3a17458038003f901d00010101080a81bcf9070ebf
            7e2821
            """;

    /**
     * tcp4-syn-closed.pcap frame 2, 54 bytes: curl -s --max-time 1 http://192.0.2.2:8080/ (closed port).
     * <br>tshark: TCP 54 8080 → 58602 [RST, ACK] Seq=1 Ack=1 Win=0 Len=0
     */
    static final String TCP4_RST_ACK = """
            02fe1234567802fe9abcdef0080045000028000040004006b6ccc0000202c000
            02011f90e4ea00000000150189e95014000088670000
            """;

    /**
     * tcp6-syn-closed.pcap frame 1, 94 bytes: curl -s --max-time 1 'http://[2001:db8::2]:8080/'.
     * <br>tshark: TCP 94 46510 → 8080 [SYN] Seq=0 Win=64800 Len=0 MSS=1440 SACK_PERM TSval=3834600088 TSecr=0 WS=1024
     */
    static final String TCP6_SYN = """
            02fe9abcdef002fe1234567886dd6009165f0028064020010db8000000000000
            00000000000120010db8000000000000000000000002b5ae1f90e20450430000
            0000a002fd20a8cc0000020405a00402080ae48f5a98000000000103030a
            """;

    /**
     * udp4.pcap frame 1, 53 bytes: echo -n &quot;hello vecta&quot; | socat -u - UDP4-SENDTO:192.0.2.2:30000,sourceport=40000.
     * <br>tshark: UDP 53 40000 → 30000 Len=11
     */
    static final String UDP4 = """
            02fe9abcdef002fe12345678080045000027902640004011269cc0000201c000
            02029c4075300013eb8668656c6c6f207665637461
            """;

    /**
     * udp6.pcap frame 1, 73 bytes: echo -n &quot;hello vecta&quot; | socat -u - UDP6-SENDTO:[2001:db8::2]:30000,sourceport=40000.
     * <br>tshark: UDP 73 40000 → 30000 Len=11
     */
    static final String UDP6 = """
            02fe9abcdef002fe1234567886dd600058a40013114020010db8000000000000
            00000000000120010db80000000000000000000000029c407530001314166865
            6c6c6f207665637461
            """;
}
