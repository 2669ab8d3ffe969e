package io.vecta.sdk.annotation;

/** How bad an error counter's event is, as VPP's counter severities; {@code show errors} prints it. */
public enum Severity {
    /** Something counted for information, not a fault (e.g. packets punted as expected). */
    INFO,
    /** Unusual, worth a look when it grows. */
    WARNING,
    /** A packet was lost or mishandled. */
    ERROR
}
