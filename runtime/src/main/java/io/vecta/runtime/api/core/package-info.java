/**
 * The runtime's own API modules, generated from the core {@code .api} files in
 * {@code src/main/api}: {@code vlib} (CLI in band, node and next indices, threads) and
 * {@code vpe} (version), whose handlers are in {@link io.vecta.runtime.api.CoreApi}, and
 * {@code interface} (in {@code interface_}, with the types of {@code interface_types},
 * {@code ethernet_types} and {@code ip_types} beside it), whose handlers are in
 * {@link io.vecta.runtime.api.InterfaceApi}, {@code ip} (with {@code fib_types} and
 * {@code mfib_types}), whose handlers are in {@link io.vecta.runtime.api.IpApi},
 * {@code ip_neighbor}, whose handlers are in {@link io.vecta.runtime.api.IpNeighborApi}, and
 * {@code l2}, whose handlers are in {@link io.vecta.runtime.api.L2Api}.
 */
@ApiModule({"vlibmemory/memclnt.api", "vlibmemory/vlib.api", "vpp/api/vpe.api", "vnet/interface.api",
        "vnet/ip-neighbor/ip_neighbor.api", "vnet/ip/ip.api", "vnet/l2/l2.api"})
package io.vecta.runtime.api.core;

import io.vecta.sdk.annotation.ApiModule;
