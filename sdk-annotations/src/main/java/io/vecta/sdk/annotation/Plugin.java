package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the plugin a compilation builds: VPP's {@code VLIB_PLUGIN_REGISTER}. Exactly one
 * per compilation, on a class or a {@code package-info.java}. The processor generates a
 * registration that lists every node, feature arc, feature and CLI command of the compilation,
 * and the binary API modules ({@code @ApiModule} files, answered by {@code @ApiHandler}
 * classes) of this package and the packages below it, with the SDK version it was built
 * against, and registers it for {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * @Plugin(name = "acme-acl", version = "1.2.0", description = "Access lists for ip4")
 * package com.acme.acl;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Plugin {

    /** The plugin's name, unique in the runtime; {@code plugins { plugin NAME ... }} uses it. */
    String name();

    /** The plugin's own version. */
    String version();

    /** One line for {@code show plugins}. */
    String description() default "";

    /** Whether the runtime loads it without being told to in its configuration. */
    boolean enabledByDefault() default true;
}
