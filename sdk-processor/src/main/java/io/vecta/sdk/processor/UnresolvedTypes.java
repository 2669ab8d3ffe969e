package io.vecta.sdk.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a node class refers to a type the compiler cannot see yet: one another annotation
 * processor generates in a later round. Such a class is read again next round rather than
 * reported with errors about a type that will exist. Classes with {@code @ApiHandler} methods wait
 * the same way for the records {@code @ApiModule} generates.
 */
public final class UnresolvedTypes {

    private UnresolvedTypes() {
    }

    /** Whether {@code type}'s members, nested types or annotation values name a missing type. */
    public static boolean in(TypeElement type) {
        if (missing(type.getSuperclass()) || type.getInterfaces().stream().anyMatch(UnresolvedTypes::missing)
                || annotationsMiss(type)) {
            return true;
        }
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof VariableElement field && (missing(field.asType()) || annotationsMiss(field))) {
                return true;
            }
            if (member instanceof ExecutableElement method && (missing(method.getReturnType())
                    || method.getParameters().stream().anyMatch(p -> missing(p.asType())) || annotationsMiss(method))) {
                return true;
            }
            if (member instanceof TypeElement nested && in(nested)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotationsMiss(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            for (AnnotationValue value : annotation.getElementValues().values()) {
                if (valueMisses(value.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean valueMisses(Object value) {
        if (value instanceof TypeMirror type) {
            return missing(type);
        }
        if (value instanceof List<?> values) {
            return values.stream().anyMatch(v -> v instanceof AnnotationValue a && valueMisses(a.getValue()));
        }
        return false;
    }

    private static boolean missing(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return missing(((ArrayType) type).getComponentType());
        }
        return type instanceof DeclaredType declared && declared.getTypeArguments().stream()
                .anyMatch(UnresolvedTypes::missing);
    }
}
