/**
 * Features on the runtime's IPv4 arcs for the kit's own tests, part of the test plugin declared
 * in {@link io.vecta.testkit.xconnect}: they do nothing to a packet but trace it and pass it on,
 * so that a test sees which features a packet went through and in what order. Two on
 * {@code ip4-unicast} ({@code test-unicast-b} is ordered after {@code test-unicast-a}), one on
 * {@code ip4-output}.
 */
package io.vecta.testkit.features;
