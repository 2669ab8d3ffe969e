/**
 * The IPv4 addresses of interfaces ({@code set interface ip address}), VPP's
 * {@code ip_interface_address}: {@link io.vecta.runtime.ip.Ip4InterfaceAddresses} keeps them per
 * interface, refuses subnets that overlap another interface's, publishes them to the
 * dataplane ({@code arp-input} answers for them) and tells
 * {@link io.vecta.runtime.ip.Ip4AddressListener}s of every change: the FIB's hook for the
 * connected and receive prefixes of each address.
 */
package io.vecta.runtime.ip;
