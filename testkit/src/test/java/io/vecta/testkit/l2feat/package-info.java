/**
 * Counting nodes on the L2 feature arcs, for the kit's own tests: {@code test-l2-input-count} on
 * {@code l2-input-feat} and {@code test-l2-output-count} on {@code l2-output-feat}, so that tests
 * see which frames pass the features of which interface. They belong to the kit's test plugin
 * ({@code test-xconnect}: one compilation builds one plugin) and are off until a test turns them on.
 */
package io.vecta.testkit.l2feat;
