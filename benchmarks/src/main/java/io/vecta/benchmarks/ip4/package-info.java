/** IPv4 forwarding through the graph: pg0 to pg1 through ethernet-input, ip4-input, ip4-lookup and ip4-rewrite. */
package io.vecta.benchmarks.ip4;
