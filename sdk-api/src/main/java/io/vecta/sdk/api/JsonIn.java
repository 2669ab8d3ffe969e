package io.vecta.sdk.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a parsed JSON document of the shape {@link JsonOut} writes, with typed reads
 * that check the value's kind and range. A wrong or missing value is an
 * {@link ApiCodecException} naming the message and the path to the value
 * ({@code ip_route_add_del: field 'route.paths[1].weight' ...}).
 */
public final class JsonIn {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Digits of the largest integer any field holds (u64: 20), with room to spare. */
    private static final int MAX_INTEGER_DIGITS = 24;

    private final String messageName;
    private final String path;
    /** A Map, List, String, Number, Double (NaN, infinities), Boolean, or null. */
    private final Object value;

    private JsonIn(String messageName, String path, Object value) {
        this.messageName = messageName;
        this.path = path;
        this.value = value;
    }

    /** Parses a whole document; errors name {@code messageName}. */
    public static JsonIn parse(String json, String messageName) {
        return new JsonIn(messageName, "(document)", new Parser(json, messageName).document());
    }

    /** The member {@code name} of this object. */
    public JsonIn field(String name) {
        if (!(value instanceof Map<?, ?> members)) {
            throw fail("is not a JSON object");
        }
        String memberPath = path.equals("(document)") ? name : path + "." + name;
        if (!members.containsKey(name)) {
            throw new ApiCodecException(messageName, memberPath, "is missing");
        }
        return new JsonIn(messageName, memberPath, members.get(name));
    }

    /** Whether this object has a member {@code name}. */
    public boolean has(String name) {
        return value instanceof Map<?, ?> members && members.containsKey(name);
    }

    /** The elements of this array. */
    public List<JsonIn> elements() {
        if (!(value instanceof List<?> items)) {
            throw fail("is not a JSON array");
        }
        List<JsonIn> elements = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            elements.add(new JsonIn(messageName, path + "[" + i + "]", items.get(i)));
        }
        return elements;
    }

    public int u8() {
        return (int) integer(0, 0xff);
    }

    public int u16() {
        return (int) integer(0, 0xffff);
    }

    public long u32() {
        return integer(0, 0xffff_ffffL);
    }

    /** The unsigned 64 bits. */
    public long u64() {
        BigInteger number = exactInteger();
        if (number.signum() < 0 || number.compareTo(U64_MAX) > 0) {
            throw fail("value " + number + " is outside 0.." + U64_MAX);
        }
        return number.longValue();
    }

    public byte i8() {
        return (byte) integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    public short i16() {
        return (short) integer(Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public int i32() {
        return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public long i64() {
        return integer(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An integer of any width, for enums whose range the caller checks. */
    public long integer(long min, long max) {
        BigInteger number = exactInteger();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw fail("value " + number + " is outside " + min + ".." + max);
        }
        return number.longValue();
    }

    public double f64() {
        return switch (value) {
            case Number number -> Double.parseDouble(number.text());
            case Double special -> special;
            default -> throw fail("is not a number");
        };
    }

    public boolean bool() {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw fail("is not true or false");
    }

    public String string() {
        if (value instanceof String text) {
            return text;
        }
        throw fail("is not a string");
    }

    /** A {@code "0x..."} hex string. */
    public ApiBytes bytes() {
        String text = string();
        try {
            return ApiBytes.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw fail("is not a 0x-prefixed hex string: " + e.getMessage());
        }
    }

    /** For a value of the right kind that its type cannot take, such as an unknown enum value. */
    public ApiCodecException invalid(String problem) {
        return fail(problem);
    }

    private BigInteger exactInteger() {
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.text());
            if (decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
                // 1e999999999 is a valid number; refuse it before it becomes a billion-digit integer
                throw fail("value " + number.text() + " is outside every integer field's range");
            }
            try {
                return decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw fail("value " + number.text() + " is not a whole number");
            }
        }
        throw fail("is not a number");
    }

    private ApiCodecException fail(String problem) {
        return new ApiCodecException(messageName, path, problem);
    }

    /** A number as written, so that f64 values keep what BigDecimal would lose (the sign of -0.0). */
    private record Number(String text) {
    }

    /** A recursive-descent JSON parser; also takes Python's {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    private static final class Parser {

        private static final int MAX_DEPTH = 64;

        private final String text;
        private final String messageName;
        private int at;
        private int depth;

        Parser(String text, String messageName) {
            this.text = text;
            this.messageName = messageName;
        }

        Object document() {
            Object result = value();
            skipSpace();
            if (at != text.length()) {
                throw error("unexpected text after the document");
            }
            return result;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end of the document");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                case 'N' -> literal("NaN", Double.NaN);
                case 'I' -> literal("Infinity", Double.POSITIVE_INFINITY);
                default -> {
                    if (text.startsWith("-Infinity", at)) {
                        yield literal("-Infinity", Double.NEGATIVE_INFINITY);
                    }
                    yield number();
                }
            };
        }

        private Map<String, Object> object() {
            enter();
            at++;
            Map<String, Object> members = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                at++;
                depth--;
                return members;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                String name = string();
                skipSpace();
                expect(':');
                members.put(name, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    depth--;
                    return members;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            enter();
            at++;
            List<Object> items = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                at++;
                depth--;
                return items;
            }
            while (true) {
                items.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    depth--;
                    return items;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            at++;
            StringBuilder result = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return result.toString();
                }
                if (c != '\\') {
                    result.append(c);
                    continue;
                }
                char escape = next();
                switch (escape) {
                    case '"', '\\', '/' -> result.append(escape);
                    case 'b' -> result.append('\b');
                    case 'f' -> result.append('\f');
                    case 'n' -> result.append('\n');
                    case 'r' -> result.append('\r');
                    case 't' -> result.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("unexpected end of the document");
                        }
                        try {
                            result.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + escape);
                }
            }
        }

        private Number number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                String number = text.substring(start, at);
                new BigDecimal(number);
                return new Number(number);
            } catch (NumberFormatException e) {
                at = start;
                throw error("expected a value");
            }
        }

        private Object literal(String word, Object result) {
            if (!text.startsWith(word, at)) {
                throw error("expected a value");
            }
            at += word.length();
            return result;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private char next() {
            if (at >= text.length()) {
                throw error("unexpected end of the document");
            }
            return text.charAt(at++);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private ApiCodecException error(String problem) {
            return new ApiCodecException(messageName, "(document)", "is not valid JSON at character " + at + ": " + problem);
        }
    }
}
