/**
 * Vecta's test kit, the counterpart of VPP's {@code VppTestCase}: a JUnit 5 extension that
 * starts a runtime in the test's JVM for each test, pg interfaces to send packets in and
 * capture what comes out, a small builder for the packets, and assertions over what was
 * received, the counters and the packet trace.
 *
 * <pre>{@code
 * @RegisterExtension
 * final VectaExtension vecta = VectaExtension.withConfig("cpu { workers 1 }").inputNode("my-node");
 *
 * @Test
 * void shouldForwardUdp() {
 *     PgPort pg0 = vecta.pg(0);
 *     PgPort pg1 = vecta.pg(1);
 *     List<byte[]> packets = Packets.ethernet(pg0.peerMac(), pg0.mac()).ip4("10.0.0.1", "10.0.1.1")
 *             .udp(1234, 80).payload(18).times(5);
 *
 *     List<DecodedPacket> out = vecta.sendAndExpect(pg0, packets, pg1);
 *
 *     assertThat(out).allSatisfy(p -> assertThat(p.ip4().ttl()).isEqualTo(63));
 * }
 * }</pre>
 *
 * <p>When a test fails, the extension prints the runtime's {@code show trace} (every packet the
 * kit sent is traced), {@code show errors} and {@code show interface} before the failure.
 */
package io.vecta.testkit;
