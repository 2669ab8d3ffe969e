package io.vecta.sdk.annotation;

/** The {@link GraphNode#errors()} of a node that counts no errors. */
public enum NoErrors {
}
