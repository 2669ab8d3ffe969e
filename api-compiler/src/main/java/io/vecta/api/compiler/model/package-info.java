/**
 * The model of a loaded {@code .api} file: immutable records, every type reference resolved.
 *
 * <pre>
 *   ApiFile ── definitions (written order) ─┬ Import ──▶ ApiFile (same load, same namespace)
 *           │                               ├ FileOption          option version = "1.0.0";
 *           │                               ├ Message ── Field*   define / autoreply define
 *           │                               ├ UserType ┬ TypeDef ── Field*   struct
 *           │                               │          ├ Union ──── Field*   arms
 *           │                               │          ├ EnumDef ── EnumEntry*
 *           │                               │          └ Alias ──▶ ApiType + FieldShape
 *           │                               ├ ServiceBlock ── Service*
 *           │                               ├ CounterSet ── Counter*
 *           │                               └ PathSet ── Mapping*
 *           ├ messages (id order, autoreply replies included)
 *           └ services (written and implied)
 *
 *   Field = ApiType (BaseType | UserType) + name + FieldShape (Scalar | Fixed | Counted | Open) + options
 * </pre>
 *
 * A {@link io.vecta.api.compiler.model.Field}'s type is the {@link io.vecta.api.compiler.model.UserType}
 * object itself, so a generator walks from a message down to every byte without name lookups.
 */
package io.vecta.api.compiler.model;
