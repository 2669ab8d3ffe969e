package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A checked {@code @GraphNode}: everything the writers need, nothing of javac's but the
 * originating element.
 *
 * @param element       the node class
 * @param nodeClass     its name
 * @param name          the node's graph name
 * @param type          the NodeType constant's name
 * @param nextNames     next names in index order
 * @param siblingOf     sibling node name, or empty
 * @param errors        error counters in code order
 * @param perPacket     whether the process method is per packet (else per frame)
 * @param processMethod the name of the process method
 * @param traceMethod   the name of the trace method, or null
 * @param traceType     the trace record type, or null
 * @param feature       the node's feature declaration, or null
 */
record NodeModel(TypeElement element, ClassName nodeClass, String name, String type, List<String> nextNames,
                 String siblingOf, List<ErrorModel> errors, boolean perPacket, boolean takesAddress, String processMethod,
                 String traceMethod, TypeName traceType, FeatureModel feature) {

    /** One error counter. */
    record ErrorModel(String name, String description, String severity) {
    }

    /** The node's feature: its arc and order constraints. */
    record FeatureModel(String arc, List<String> runsBefore, List<String> runsAfter) {
    }

    /** The generated dispatcher's name, {@code <Node>_Dispatch} beside the node class. */
    ClassName dispatcherClass() {
        return ClassName.get(nodeClass.packageName(), String.join("_", nodeClass.simpleNames()) + "_Dispatch");
    }

    boolean hasTrace() {
        return traceMethod != null;
    }
}
