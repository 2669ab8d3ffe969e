/**
 * The plugin of the kit's own tests (one compilation, one plugin): {@code test-xconnect} joins
 * pg1 to pg2 (and back) as a router would, decrementing the TTL, so that packets sent into one
 * pg interface come out of another; the pass-through IPv4 features of
 * {@link io.vecta.testkit.features} and the L2 feature counters of
 * {@link io.vecta.testkit.l2feat} belong to it too.
 */
@Plugin(name = "test-xconnect", version = "0.1.0",
        description = "pg1 <-> pg2, decrementing the IPv4 TTL; pass-through ip4 features; counting L2 features")
package io.vecta.testkit.xconnect;

import io.vecta.sdk.annotation.Plugin;
