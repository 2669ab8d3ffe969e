package io.vecta.sdk.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element that causes them, each with a stable tag that tests and
 * users can search for, and a {@code help:} line that says how to fix it:
 * <pre>
 * [VectaNextIndex] @Next constants of node 'ttl-check' must be numbered 0 to 1; NEXT_DROP is 5
 *   help: number the next constants 0, 1, ... in the order the node prefers them
 * </pre>
 * Reporting never stops the processor, so one compilation shows every problem. Shared by the
 * processors of {@code io.vecta.sdk.processor.api}.
 */
public final class Diagnostics {

    private final Messager messager;
    private int errors;

    /** Reports through {@code messager}. */
    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    /** Reports an error on {@code element}. */
    public void error(Element element, String tag, String message, String help) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, format(tag, message, help), element);
    }

    /** How many errors were reported so far. */
    public int errorCount() {
        return errors;
    }

    static String format(String tag, String message, String help) {
        return "[" + tag + "] " + message + "\n  help: " + help;
    }
}
