package io.vecta.sdk.elog;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed event format string: literal text between typed conversions, one conversion per
 * data word of an event, as in VPP's {@code ELOG_TYPE_DECLARE} formats.
 *
 * <pre>
 *   %d   the word as a signed decimal
 *   %x   the word as unsigned hexadecimal
 *   %s   the word as the id of a string interned in the {@link EventCatalog}
 *   %%   a percent sign
 * </pre>
 * Formatting happens only when events are shown or saved, never when they are logged.
 */
public final class EventFormat {

    /** Data words an event carries ({@link EventLogger#log}), so conversions a format may hold. */
    public static final int MAX_ARGUMENTS = 2;

    /** How a conversion prints its data word. */
    public enum Conversion { DECIMAL, HEX, STRING }

    private final String text;
    private final String[] literals;
    private final Conversion[] conversions;

    private EventFormat(String text, String[] literals, Conversion[] conversions) {
        this.text = text;
        this.literals = literals;
        this.conversions = conversions;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the format if a conversion is unknown or there are
     *                                  more than {@link #MAX_ARGUMENTS}
     */
    public static EventFormat parse(String text) {
        List<String> literals = new ArrayList<>();
        List<Conversion> conversions = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 == text.length()) {
                throw new IllegalArgumentException("event format '" + text + "': ends with a lone %");
            }
            char kind = text.charAt(++i);
            Conversion conversion = switch (kind) {
                case '%' -> null;
                case 'd' -> Conversion.DECIMAL;
                case 'x' -> Conversion.HEX;
                case 's' -> Conversion.STRING;
                default -> throw new IllegalArgumentException("event format '" + text + "': unknown conversion %"
                        + kind + " at offset " + (i - 1) + " (known: %d %x %s %%)");
            };
            if (conversion == null) {
                literal.append('%');
                continue;
            }
            if (conversions.size() == MAX_ARGUMENTS) {
                throw new IllegalArgumentException("event format '" + text + "': more than " + MAX_ARGUMENTS
                        + " conversions, and an event holds " + MAX_ARGUMENTS + " data words");
            }
            literals.add(literal.toString());
            literal.setLength(0);
            conversions.add(conversion);
        }
        literals.add(literal.toString());
        return new EventFormat(text, literals.toArray(String[]::new), conversions.toArray(Conversion[]::new));
    }

    /** The format as written. */
    public String text() {
        return text;
    }

    /** How many data words the format prints. */
    public int argumentCount() {
        return conversions.length;
    }

    /** Conversion {@code index}. */
    public Conversion conversion(int index) {
        return conversions[index];
    }

    /** The text of an event whose data words are {@code data}, strings looked up in {@code catalog}. */
    public String format(EventCatalog catalog, long[] data) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        formatTo(out, catalog, data);
        return out.toString();
    }

    /** Appends the text of an event whose data words are {@code data} to {@code out}. */
    public void formatTo(StringBuilder out, EventCatalog catalog, long[] data) {
        for (int i = 0; i < conversions.length; i++) {
            out.append(literals[i]);
            long word = data[i];
            switch (conversions[i]) {
                case DECIMAL -> out.append(word);
                case HEX -> out.append("0x").append(Long.toHexString(word));
                case STRING -> out.append(catalog.string(word));
            }
        }
        out.append(literals[conversions.length]);
    }
}
