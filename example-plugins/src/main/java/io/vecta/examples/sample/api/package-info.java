/**
 * The sample plugin's binary API module {@code sample} ({@code src/main/api/sample.api}): the
 * processor generates its records and {@code SampleModule} here, and, since this package lies
 * in the plugin's package tree, lists the module in the plugin's registration, answered by
 * {@link io.vecta.examples.sample.SampleApi}.
 */
@ApiModule("sample.api")
package io.vecta.examples.sample.api;

import io.vecta.sdk.annotation.ApiModule;
