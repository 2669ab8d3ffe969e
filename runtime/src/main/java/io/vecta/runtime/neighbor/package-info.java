/**
 * IPv4 neighbours, VPP's {@code ip-neighbor} for ARP: the MAC address of each address on each
 * interface, static (configured) or dynamic (learnt by {@code arp-input} or configured without
 * {@code static}). With {@code set ip neighbor-config ip4 age S}, {@code ip4-neighbor-age-process}
 * removes each dynamic entry S seconds after it was last confirmed; with {@code limit N recycle},
 * a full table gives a new neighbour the place of the oldest dynamic one.
 */
package io.vecta.runtime.neighbor;
