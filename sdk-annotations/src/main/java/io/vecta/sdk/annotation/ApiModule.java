package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates Java for one {@code .api} file of VPP's binary API: a record per message and
 * typedef, a class per union, a record per alias and enumflag, a Java enum per enum, each with
 * its wire and JSON code, and a {@code <Module>Module} class listing the message codecs in
 * message-id order. Everything goes to the subpackage named after the file's module
 * ({@code vpe.api} → {@code <annotated package>.vpe}); the types of imported files go to their
 * own modules' subpackages beside it.
 *
 * <pre>{@code
 * @ApiModule("acme.api")
 * package com.acme.api;          // generates com.acme.api.acme.AcmeModule, ...
 * }</pre>
 *
 * <p>Where the file is found: the processor option {@code vecta.api.dir} names the directory
 * that {@link #value()} is relative to and that imports are resolved against (more include
 * directories may follow in {@code vecta.api.include}, separated by the platform's path
 * separator). The usual setting is {@code src/main/api}:
 * <pre>{@code
 * <compilerArgs>
 *   <arg>-Avecta.api.dir=${project.basedir}/src/main/api</arg>
 * </compilerArgs>
 * }</pre>
 * Without the option the file is looked up on the compilation's source path, then its class
 * path, and its imports beside it. Errors in the file are reported as compile errors on the
 * annotated package, each with the file, line and column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface ApiModule {

    /**
     * The {@code .api} files, relative to the API directory, e.g. {@code "vpe.api"} or
     * {@code {"vlibmemory/vlib.api", "vnet/ip/ip.api"}}; each module gets its own subpackage.
     */
    String[] value();
}
