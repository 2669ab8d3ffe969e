package io.vecta.sdk.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a feature arc: VPP's {@code VNET_FEATURE_ARC_INIT}. Packets entering the arc at
 * one of its start nodes pass through the features enabled on their interface, in order,
 * and leave through the last node. Written on any class (usually the plugin's) or on a
 * {@code package-info.java}; repeatable.
 *
 * <pre>{@code
 * @FeatureArc(name = "ip4-unicast", startNodes = "ip4-input", lastNode = "ip4-lookup")
 * package com.acme.router;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(FeatureArcs.class)
public @interface FeatureArc {

    /** The arc's name, unique in the runtime. */
    String name();

    /** The nodes from which packets enter the arc. */
    String[] startNodes();

    /** The node the arc ends in, after every enabled feature. */
    String lastNode();

    /**
     * Whether a packet runs the features of its tx interface rather than those of its rx
     * interface: true for output arcs such as {@code ip4-output}, whose start node has chosen
     * the interface the packet leaves by.
     */
    boolean txInterface() default false;
}
