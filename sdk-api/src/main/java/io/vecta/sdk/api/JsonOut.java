package io.vecta.sdk.api;

/**
 * Writes the JSON form of messages as VPP's Python client shows them: an object per message
 * and typedef with the {@code .api} field names, numbers for integers and enums (unsigned
 * integers as unsigned decimals), {@code true}/{@code false} for bool, strings for strings,
 * {@code "0x..."} hex strings for {@code u8} arrays and aliases of them, arrays for other arrays.
 * f64 values that JSON cannot write are written {@code NaN}, {@code Infinity}, {@code -Infinity},
 * as Python's {@code json} module does. Compact, no white space.
 */
public final class JsonOut {

    private final StringBuilder text = new StringBuilder();
    /** Whether the next value in the current object or array needs a comma before it. */
    private boolean needsComma;

    public JsonOut beginObject() {
        separate();
        text.append('{');
        needsComma = false;
        return this;
    }

    public JsonOut endObject() {
        text.append('}');
        needsComma = true;
        return this;
    }

    public JsonOut beginArray() {
        separate();
        text.append('[');
        needsComma = false;
        return this;
    }

    public JsonOut endArray() {
        text.append(']');
        needsComma = true;
        return this;
    }

    /** The member name of the value that follows. */
    public JsonOut name(String name) {
        separate();
        quote(name);
        text.append(':');
        needsComma = false;
        return this;
    }

    public JsonOut value(long value) {
        separate();
        text.append(value);
        needsComma = true;
        return this;
    }

    /** {@code bits} read as an unsigned 64-bit number. */
    public JsonOut unsignedValue(long bits) {
        separate();
        text.append(Long.toUnsignedString(bits));
        needsComma = true;
        return this;
    }

    public JsonOut value(double value) {
        separate();
        if (Double.isNaN(value)) {
            text.append("NaN");
        } else if (Double.isInfinite(value)) {
            text.append(value > 0 ? "Infinity" : "-Infinity");
        } else {
            text.append(value);
        }
        needsComma = true;
        return this;
    }

    public JsonOut value(boolean value) {
        separate();
        text.append(value);
        needsComma = true;
        return this;
    }

    public JsonOut value(String value) {
        separate();
        quote(value);
        needsComma = true;
        return this;
    }

    public JsonOut value(ApiBytes value) {
        return value(value.toHex());
    }

    private void separate() {
        if (needsComma) {
            text.append(',');
            needsComma = false;
        }
    }

    private void quote(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append("\\u%04x".formatted((int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
