package io.vecta.sdk.processor.api;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * How {@code .api} names become Java names: {@code ip4_address} → class {@code Ip4Address},
 * field {@code sw_if_index} → component {@code swIfIndex}, module {@code interface} → package
 * segment {@code interface_}. A name Java cannot take (a keyword, an {@code Object} method, a
 * name the generated code uses for its own variables, a {@code java.lang} class) gets a trailing
 * underscore.
 */
final class JavaNames {

    /** Component names that would clash with Object's methods, ApiMessage, or generated locals and parameters. */
    private static final Set<String> RESERVED_MEMBERS = Set.of("codec", "messageName", "messageCrc", "hashCode", "toString", "equals", "getClass",
            "wait", "notify", "notifyAll", "clone", "finalize", "in", "out", "json", "element", "index", "field");

    /** java.lang classes the generated code names without importing them. */
    private static final Set<String> RESERVED_CLASSES = Set.of("Object", "String", "Integer", "Long", "Short",
            "Byte", "Double", "Boolean", "Override", "Record", "Enum", "Math", "System", "Class", "Iterable", "Number");

    private JavaNames() {
    }

    static String className(String apiName) {
        StringBuilder result = new StringBuilder();
        for (String part : apiName.split("_")) {
            if (!part.isEmpty()) {
                result.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        if (result.isEmpty() || !Character.isJavaIdentifierStart(result.charAt(0))) {
            result.insert(0, 'T');
        }
        String name = result.toString();
        return RESERVED_CLASSES.contains(name) ? name + "_" : name;
    }

    static String memberName(String apiName) {
        StringBuilder result = new StringBuilder();
        boolean first = true;
        for (String part : apiName.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            result.append(first ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            first = false;
        }
        String name = result.isEmpty() ? "field" : result.toString();
        return SourceVersion.isKeyword(name) || RESERVED_MEMBERS.contains(name) ? name + "_" : name;
    }

    /** A union arm's accessor, kept clear of the union's own {@code bytes()}. */
    static String armName(String apiName) {
        String name = memberName(apiName);
        return name.equals("bytes") ? "bytesArm" : name;
    }

    static String packageSegment(String module) {
        String name = module.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "m" + name;
        }
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }
}
