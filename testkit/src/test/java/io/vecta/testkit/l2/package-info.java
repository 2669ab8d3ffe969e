/** Tests of L2 switching through pg ports: bridge domains, the L2 FIB, cross-connects and the BVI. */
package io.vecta.testkit.l2;
