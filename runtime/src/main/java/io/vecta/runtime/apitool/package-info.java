/**
 * {@code vecta-api}, the binary API's command-line tool: lists the messages of {@code .api}
 * files with their CRCs ({@code crc}) and tells what changed between two sets of them
 * ({@code diff}), the checks that keep an API from breaking its clients on upgrade.
 */
package io.vecta.runtime.apitool;
