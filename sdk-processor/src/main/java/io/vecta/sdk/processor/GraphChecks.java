package io.vecta.sdk.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks that need every node of the compilation: unique names, next names that look like a
 * typo of a node declared here, and feature order cycles. A next name that matches no node
 * here and resembles none may name a node of another plugin; the runtime checks those when it
 * builds the graph.
 */
final class GraphChecks {

    /** Edits that still count as a typo of a name, for names of at least {@link #TYPO_MIN_LENGTH}. */
    static final int TYPO_DISTANCE = 2;
    static final int TYPO_MIN_LENGTH = 4;

    private final Annotations annotations;
    private final Diagnostics diagnostics;

    GraphChecks(Annotations annotations, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /**
     * Runs every check over the nodes.
     *
     * @param declared every node name of the compilation with its class, valid or not
     * @param nodes    the nodes that read without problems
     */
    void check(Map<String, List<TypeElement>> declared, List<NodeModel> nodes) {
        for (Map.Entry<String, List<TypeElement>> entry : declared.entrySet()) {
            List<TypeElement> classes = entry.getValue();
            for (int i = 1; i < classes.size(); i++) {
                diagnostics.error(classes.get(i), "VectaDuplicateNode", "node name '" + entry.getKey()
                        + "' is declared by both " + classes.get(0).getQualifiedName() + " and "
                        + classes.get(i).getQualifiedName(), "node names are unique in the graph; rename one");
            }
        }
        for (NodeModel node : nodes) {
            checkNextNames(node, declared);
            if (!node.siblingOf().isEmpty()) {
                String near = nearMiss(node.siblingOf(), declared);
                if (near != null) {
                    diagnostics.error(node.element(), "VectaUnknownNode", "node '" + node.name()
                            + "' is a sibling of '" + node.siblingOf() + "', which no node declares; did you mean '"
                            + near + "' (" + declared.get(near).get(0).getQualifiedName() + ")?",
                            "correct the name, or if it names a node of another plugin, make sure it differs from '"
                                    + near + "' by more than " + TYPO_DISTANCE + " edits");
                }
            }
        }
        checkFeatureCycles(nodes);
    }

    private void checkNextNames(NodeModel node, Map<String, List<TypeElement>> declared) {
        for (VariableElement field : ElementFilter.fieldsIn(node.element().getEnclosedElements())) {
            AnnotationMirror next = annotations.find(field, Names.NEXT);
            if (next == null) {
                continue;
            }
            String name = annotations.string(next, "value");
            String near = nearMiss(name, declared);
            if (near != null) {
                diagnostics.error(field, "VectaUnknownNode", "next '" + name + "' of node '" + node.name()
                        + "' names no node of this plugin; did you mean '" + near + "' ("
                        + declared.get(near).get(0).getQualifiedName() + ")?",
                        "correct the name, or if it names a node of another plugin, make sure it differs from '"
                                + near + "' by more than " + TYPO_DISTANCE + " edits");
            }
        }
    }

    /** A declared name that {@code name} is a typo of, or null when it is declared itself or resembles none. */
    static String nearMiss(String name, Map<String, List<TypeElement>> declared) {
        if (declared.containsKey(name) || name.length() < TYPO_MIN_LENGTH) {
            return null;
        }
        for (String candidate : declared.keySet()) {
            if (candidate.length() >= TYPO_MIN_LENGTH && typoDistance(name, candidate) <= TYPO_DISTANCE) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Edit distance with adjacent swaps (optimal string alignment); names that differ only in
     * their digits are never typos of each other: {@code ip4-input} and {@code ip6-input} are
     * both real names.
     */
    static int typoDistance(String a, String b) {
        if (a.replaceAll("[0-9]", "").equals(b.replaceAll("[0-9]", ""))) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                int substitution = x == y ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    /** Reports every cycle in the runs-before order of each arc's features declared here. */
    private void checkFeatureCycles(List<NodeModel> nodes) {
        Map<String, Map<String, List<String>>> afterByArc = new LinkedHashMap<>();
        Map<String, NodeModel> features = new HashMap<>();
        for (NodeModel node : nodes) {
            if (node.feature() == null) {
                continue;
            }
            features.put(node.feature().arc() + "/" + node.name(), node);
            Map<String, List<String>> after = afterByArc.computeIfAbsent(node.feature().arc(), a -> new LinkedHashMap<>());
            for (String later : node.feature().runsBefore()) {
                after.computeIfAbsent(node.name(), n -> new ArrayList<>()).add(later);
            }
            for (String earlier : node.feature().runsAfter()) {
                after.computeIfAbsent(earlier, n -> new ArrayList<>()).add(node.name());
            }
        }
        for (Map.Entry<String, Map<String, List<String>>> arc : afterByArc.entrySet()) {
            Map<String, Integer> state = new HashMap<>();
            for (String start : arc.getValue().keySet()) {
                List<String> path = new ArrayList<>();
                List<String> cycle = findCycle(start, arc.getValue(), state, path);
                if (cycle != null) {
                    NodeModel at = features.get(arc.getKey() + "/" + cycle.get(0));
                    Element element = at != null ? at.element() : features.values().iterator().next().element();
                    diagnostics.error(element, "VectaFeatureCycle", "features of arc '" + arc.getKey()
                            + "' must run in a cycle: " + String.join(" -> ", cycle),
                            "remove one of the runsBefore/runsAfter constraints of this chain");
                    break;
                }
            }
        }
    }

    private static final int VISITING = 1;
    private static final int DONE = 2;

    private static List<String> findCycle(String node, Map<String, List<String>> after, Map<String, Integer> state,
                                          List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == DONE) {
            return null;
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, VISITING);
        path.add(node);
        for (String next : after.getOrDefault(node, List.of())) {
            List<String> cycle = findCycle(next, after, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, DONE);
        return null;
    }
}
