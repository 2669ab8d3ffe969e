/**
 * VPP's binary-API definition language: {@code .api} files loaded into a checked
 * {@link io.vecta.api.compiler.model model}, and the CRCs that let VPP's clients bind Vecta's
 * messages.
 *
 * <pre>
 *   .api text ─ApiSyntax (VppApi.g4: VppApiLexer/VppApiParser)─▶ parse tree   (cached per file)
 *             ─LoadSession + FileBuilder + ServiceRules─▶ ApiFile             (one namespace per load)
 *   ApiFile   ─ApiCrc / CrcText─▶ message CRCs, file CRC, "&lt;module&gt;_&lt;crc&gt;" range name
 *   a tree    ─ApiCrcs─▶ MessageCrc rows        two trees ─ApiDiff─▶ added / removed / changed
 * </pre>
 *
 * <ul>
 *   <li>{@link io.vecta.api.compiler.ApiLoader}: loads a file and its imports (include
 *       directories, a fresh type namespace per load, as VPP's generator runs per file).</li>
 *   <li>{@link io.vecta.api.compiler.ApiCompileException}: every error as
 *       {@code file:line:column: message}; syntax stops at the first, the checks report all.</li>
 *   <li>{@link io.vecta.api.compiler.ApiCrc} and {@link io.vecta.api.compiler.CrcText}: the
 *       CRCs and the texts they are taken over.</li>
 *   <li>{@link io.vecta.api.compiler.ApiCrcs} and {@link io.vecta.api.compiler.ApiDiff}: what
 *       command-line tools print.</li>
 * </ul>
 *
 * <h2>Checks</h2>
 * Those VPP's generator makes: types defined (or imported) before use and defined once,
 * variable-length fields last, length fields declared before the array, {@code string} only as
 * an array, {@code []} only for strings, no Python keywords as field names, backwards-compatible
 * enum entries last, one bit per enumflag value, tagged unions ({@code discriminator}/{@code case}),
 * services naming defined messages, every message answered (by {@code X_reply},
 * {@code X_details} or a service). A few more that VPP leaves to the C compiler or does not
 * make: a name declared twice in one block or file, a length field that is not an earlier integer
 * field of the same block, enum values that do not fit the enum's base type, import cycles,
 * option statements outside a define. Every file of VPP's tree passes them all.
 *
 * <h2>Threads</h2>
 * A loader is used by one thread at a time; the model it returns is immutable.
 */
package io.vecta.api.compiler;
