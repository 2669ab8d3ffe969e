/**
 * The runtime's own API modules, generated from the core {@code .api} files in
 * {@code src/main/api}: {@code vlib} (CLI in band, node and next indices, threads) and
 * {@code vpe} (version). Their handlers are in {@link io.vecta.runtime.api.CoreApi}.
 */
@ApiModule({"vlibmemory/memclnt.api", "vlibmemory/vlib.api", "vpp/api/vpe.api"})
package io.vecta.runtime.api.core;

import io.vecta.sdk.annotation.ApiModule;
