/**
 * A plugin for the kit's own tests: {@code test-xconnect} joins pg1 to pg2 (and back) as a
 * router would, decrementing the TTL, so that packets sent into one pg interface come out of
 * another. The same plugin holds the L2 feature counters of {@code io.vecta.testkit.l2feat}.
 */
@Plugin(name = "test-xconnect", version = "0.1.0", description = "pg1 <-> pg2, decrementing the IPv4 TTL")
package io.vecta.testkit.xconnect;

import io.vecta.sdk.annotation.Plugin;
