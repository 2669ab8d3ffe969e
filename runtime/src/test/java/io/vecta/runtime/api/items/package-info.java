/**
 * The test module {@code items} ({@code src/test/api/items.api}): one request of each service
 * shape an {@code @ApiHandler} method answers.
 */
@ApiModule("items.api")
package io.vecta.runtime.api.items;

import io.vecta.sdk.annotation.ApiModule;
