package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one error counter of a node: a constant of the enum named by
 * {@link GraphNode#errors()}. VPP keeps the enum and its strings in one list; here they are
 * one constant and its annotation. Every constant of the enum must carry one.
 *
 * <pre>{@code
 * enum Error {
 *     @ErrorCounter(description = "ttl expired") TTL_EXPIRED,
 *     @ErrorCounter(description = "options present", severity = Severity.INFO) OPTIONS
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ErrorCounter {

    /** What happened to the packets counted, as {@code show errors} prints it; not empty. */
    String description();

    /** How bad it is. */
    Severity severity() default Severity.ERROR;
}
