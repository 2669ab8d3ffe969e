/**
 * ARP, VPP's {@code vnet/arp}: {@code arp-input} replies to requests for the receiving
 * interface's addresses, in place and out of the same interface, and learns the senders into
 * the neighbour table; {@link io.vecta.runtime.arp.ArpRequests} writes the requests the IPv4
 * path sends to resolve a next hop.
 */
package io.vecta.runtime.arp;
