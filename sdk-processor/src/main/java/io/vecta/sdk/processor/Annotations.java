package io.vecta.sdk.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotation members through mirrors, defaults included; mirrors are the only safe way
 * for class-valued members, whose classes may not be compiled yet.
 */
final class Annotations {

    private final Elements elements;

    Annotations(Elements elements) {
        this.elements = elements;
    }

    /** The mirror of annotation {@code type} on {@code element}, or null. */
    AnnotationMirror find(Element element, String type) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(type)) {
                return mirror;
            }
        }
        return null;
    }

    /** Every mirror of annotation {@code type} on {@code element}, unwrapping its container. */
    List<AnnotationMirror> findRepeated(Element element, String type, String container) {
        List<AnnotationMirror> found = new ArrayList<>();
        AnnotationMirror single = find(element, type);
        if (single != null) {
            found.add(single);
        }
        AnnotationMirror holder = find(element, container);
        if (holder != null) {
            for (AnnotationValue value : list(holder, "value")) {
                found.add((AnnotationMirror) value.getValue());
            }
        }
        return found;
    }

    Object value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue().getValue();
            }
        }
        throw new IllegalArgumentException("no member " + member + " in " + mirror);
    }

    String string(AnnotationMirror mirror, String member) {
        return (String) value(mirror, member);
    }

    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> list(AnnotationMirror mirror, String member) {
        return (List<? extends AnnotationValue>) value(mirror, member);
    }

    List<String> strings(AnnotationMirror mirror, String member) {
        List<String> strings = new ArrayList<>();
        for (AnnotationValue value : list(mirror, member)) {
            strings.add((String) value.getValue());
        }
        return strings;
    }

    /** The simple name of an enum-valued member's constant. */
    String enumConstant(AnnotationMirror mirror, String member) {
        return ((Element) value(mirror, member)).getSimpleName().toString();
    }

    /** The value of an annotation member as its source element, for pointing errors at it. */
    AnnotationValue annotationValue(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
