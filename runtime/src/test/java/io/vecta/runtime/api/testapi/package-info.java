/**
 * A test-only API module generated from {@code src/test/api/paged.api}: a dump and a cursor
 * get, served by a test server to check the client's streams over a real socket. The path is
 * relative to the compiler's api directory, {@code src/main/api}, which test sources share.
 */
@ApiModule("../../test/api/paged.api")
package io.vecta.runtime.api.testapi;

import io.vecta.sdk.annotation.ApiModule;
