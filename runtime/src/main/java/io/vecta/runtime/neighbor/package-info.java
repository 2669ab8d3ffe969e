/**
 * IPv4 neighbours, VPP's {@code ip-neighbor} for ARP: the MAC address of each address on each
 * interface, static (configured) or dynamic (learnt by {@code arp-input} or configured without
 * {@code static}), dynamic ones aged when a maximum age
 * is set ({@code set ip neighbor-config ip4 age N}): an entry past its age is gone the next
 * time the table is read.
 */
package io.vecta.runtime.neighbor;
