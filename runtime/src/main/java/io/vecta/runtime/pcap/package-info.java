/**
 * Classic libpcap capture files: the one description of their layout ({@link PcapFormat}),
 * the writer ({@link PcapWriter}) and the dispatch trace that records what every node call is
 * handed ({@link PcapDispatchTrace}, VPP's {@code pcap dispatch trace}).
 *
 * <pre>
 *   pcap dispatch trace on ──▶ PcapDispatchTrace set on every ThreadRuntime
 *   each node call, before the node runs: one null check; when set, each buffer of the frame
 *       (current_data for current_length bytes) ──▶ PcapWriter (buffered, bounded by max)
 *   pcap dispatch trace off ──▶ flush, close, "Write N packets to F"
 * </pre>
 * The pg's reader ({@code io.vecta.runtime.pg.PcapReader}) reads files with the same constants.
 */
package io.vecta.runtime.pcap;
