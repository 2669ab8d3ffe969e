package io.vecta.sdk.cli;

import io.vecta.sdk.packet.Ip4Address;
import io.vecta.sdk.packet.Ip4Prefix;
import io.vecta.sdk.packet.Ip6Address;
import io.vecta.sdk.packet.Ip6Prefix;
import io.vecta.sdk.packet.MacAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The rest of a command line after the command's path, read piece by piece in the manner of
 * VPP's {@code unformat}: a command tries the forms it accepts, in its own order, until the
 * input is used up.
 *
 * <pre>{@code
 * boolean verbose = false;
 * int limit = 100;
 * OptionalInt address;
 * while (!in.atEnd()) {
 *     if (in.keyword("verbose")) {
 *         verbose = true;
 *     } else if (in.keyword("limit")) {
 *         limit = in.number("limit", 1, 10_000);
 *     } else if ((address = in.tryIp4Address()).isPresent()) {
 *         ...
 *     } else {
 *         throw in.unknownInput();
 *     }
 * }
 * }</pre>
 *
 * <p>Input is a sequence of words separated by white space. Each reading method looks at the
 * next word as a whole: a word that does not have the form asked for is left in place.
 * <ul>
 *   <li>{@code tryX()} reads one if it is there and returns an empty optional (or
 *       {@code false}) if not, consuming nothing;</li>
 *   <li>{@code x(what)} reads one that must be there, and otherwise throws a
 *       {@link CliException} that names {@code what} (the argument's role, such as
 *       {@code "next-hop"}) and what it found:
 *       {@code next-hop: expected an IPv4 address, got '10.0.0.256'}.</li>
 * </ul>
 *
 * <p>The input remembers what was tried at the current word, so that {@link #unknownInput()}
 * can say more than VPP's {@code unknown input 'verbos'}: the keyword the word is a typo of
 * ({@code unknown input 'verbos'; did you mean 'verbose'?}), or else what would have been
 * accepted ({@code unknown input 'foo'; expected verbose, limit or an IPv4 address}). Like
 * VPP, the message shows at most 30 characters of the rest of the line.
 *
 * <p>Forms: numbers in decimal with an optional sign, or hex after {@code 0x}; bare hex
 * numbers; ranges {@code first-last}; IPv4 and IPv6 addresses and prefixes; MAC addresses;
 * interface and node names; one keyword of a set; strings, either a word, or text in double
 * quotes (with {@code \"} and {@code \\}), or in VPP's braces {@code {text with spaces}}; and
 * the rest of the line.
 *
 * <p>Interface and node names are words. When the runtime gives the input its
 * {@link CliNames}, a name must exist to be read, and a mistyped one is refused with the
 * nearest existing name; without them any word is read as a name.
 */
public final class CliInput {

    /** How much of the unread input an error shows, as VPP's {@code format_unformat_error}. */
    static final int SHOWN_CHARS = 30;

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int HEX_LONG_DIGITS = 16;

    private static final String NUMBER = "a number";
    private static final String HEX_NUMBER = "a hex number";
    private static final String RANGE = "a range first-last";
    private static final String IP4_ADDRESS = "an IPv4 address";
    private static final String IP4_PREFIX = "an IPv4 prefix";
    private static final String IP6_ADDRESS = "an IPv6 address";
    private static final String IP6_PREFIX = "an IPv6 prefix";
    private static final String MAC_ADDRESS = "a MAC address";
    private static final String INTERFACE = "an interface name";
    private static final String NODE = "a node name";
    private static final String WORD = "a word";
    private static final String STRING = "a string";

    private final String text;
    private final CliNames names;
    private int at;

    /** Where {@link #expected} and {@link #keywords} were tried; -1 before any attempt. */
    private int triedAt = -1;
    private final List<String> expected = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();

    private CliInput(String text, CliNames names) {
        this.text = text;
        this.names = names;
    }

    /** Input over {@code text} that reads any word as an interface or node name. */
    public static CliInput of(String text) {
        return new CliInput(text, null);
    }

    /** Input over {@code text} that checks interface and node names against {@code names}. */
    public static CliInput of(String text, CliNames names) {
        return new CliInput(text, names);
    }

    /** Whether only white space is left. */
    public boolean atEnd() {
        return skipSpace() >= text.length();
    }

    /** Throws {@link #unknownInput()} unless only white space is left. */
    public void expectEnd() {
        if (!atEnd()) {
            throw unknownInput();
        }
    }

    /**
     * The error for input that none of the tried forms accepts: VPP's
     * {@code unknown input 'rest of line'}, with the keyword the next word is a typo of, or else
     * the forms tried at this word.
     */
    public CliException unknownInput() {
        skipSpace();
        StringBuilder message = new StringBuilder("unknown input '").append(shown(text.substring(at).strip()))
                .append('\'');
        if (triedAt == at && !expected.isEmpty()) {
            Optional<String> suggestion = Suggestions.closest(nextWord(), keywords);
            if (suggestion.isPresent()) {
                message.append("; did you mean '").append(suggestion.get()).append("'?");
            } else {
                message.append("; expected ").append(alternatives(expected));
            }
        }
        return new CliException(message.toString());
    }

    /** Reads {@code word} if it is the next word, exactly. */
    public boolean keyword(String word) {
        if (word.isEmpty()) {
            throw new IllegalArgumentException("a keyword is at least one character");
        }
        if (nextWord().equals(word)) {
            at += word.length();
            return true;
        }
        tried(word, true);
        return false;
    }

    /** Reads the next word if it is one of {@code choices}, and returns it. */
    public Optional<String> tryOneOf(String... choices) {
        String word = nextWord();
        for (String choice : choices) {
            if (word.equals(choice)) {
                at += word.length();
                return Optional.of(choice);
            }
        }
        for (String choice : choices) {
            tried(choice, true);
        }
        return Optional.empty();
    }

    /**
     * Reads one of {@code choices}, and returns it.
     *
     * @throws CliException naming {@code what}, the choices and the word found, with the choice
     *                      it is a typo of if there is one
     */
    public String oneOf(String what, String... choices) {
        Optional<String> choice = tryOneOf(choices);
        if (choice.isPresent()) {
            return choice.get();
        }
        String message = prefix(what) + "expected " + alternatives(List.of(choices)) + ", got " + found();
        throw new CliException(Suggestions.closest(nextWord(), List.of(choices))
                .map(s -> message + "; did you mean '" + s + "'?").orElse(message));
    }

    /** Reads an {@code int}: decimal with an optional sign, or hex after {@code 0x}. */
    public OptionalInt tryNumber() {
        BigInteger value = readWord(NUMBER, word -> fits(integer(word), INT_MIN, INT_MAX));
        return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValueExact());
    }

    /** Reads an {@code int}, or throws naming {@code what}. */
    public int number(String what) {
        OptionalInt value = tryNumber();
        if (value.isPresent()) {
            return value.getAsInt();
        }
        throw numberError(what, INT_MIN, INT_MAX, false);
    }

    /**
     * Reads an {@code int} in {@code min..max}.
     *
     * @throws CliException naming {@code what}, the bounds and the word found
     */
    public int number(String what, int min, int max) {
        BigInteger value = readWord(NUMBER, word -> fits(integer(word), BigInteger.valueOf(min),
                BigInteger.valueOf(max)));
        if (value != null) {
            return value.intValueExact();
        }
        throw numberError(what, BigInteger.valueOf(min), BigInteger.valueOf(max), true);
    }

    /** Reads a {@code long}: decimal with an optional sign, or hex after {@code 0x}. */
    public OptionalLong tryLongNumber() {
        BigInteger value = readWord(NUMBER, word -> fits(integer(word), LONG_MIN, LONG_MAX));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.longValueExact());
    }

    /** Reads a {@code long}, or throws naming {@code what}. */
    public long longNumber(String what) {
        OptionalLong value = tryLongNumber();
        if (value.isPresent()) {
            return value.getAsLong();
        }
        throw numberError(what, LONG_MIN, LONG_MAX, false);
    }

    /**
     * Reads up to 16 hex digits, with or without {@code 0x}, as the bits of a {@code long}
     * ({@code ffffffffffffffff} is -1), as VPP's {@code %x} reads them.
     */
    public OptionalLong tryHexNumber() {
        Long value = readWord(HEX_NUMBER, CliInput::hex);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Reads a hex number, or throws naming {@code what}. */
    public long hexNumber(String what) {
        OptionalLong value = tryHexNumber();
        if (value.isPresent()) {
            return value.getAsLong();
        }
        throw expectedError(what, HEX_NUMBER);
    }

    /** Reads {@code first-last}, two numbers of at least 0 with {@code first <= last}. */
    public Optional<Range> tryRange() {
        return Optional.ofNullable(readWord(RANGE, CliInput::parseRange));
    }

    /** Reads a range, or throws naming {@code what}. */
    public Range range(String what) {
        Optional<Range> range = tryRange();
        if (range.isPresent()) {
            return range.get();
        }
        String word = nextWord();
        int dash = word.indexOf('-', 1);
        if (dash > 0 && bound(word.substring(0, dash)) != null && bound(word.substring(dash + 1)) != null) {
            throw new CliException(prefix(what) + "expected " + RANGE + " with first <= last, got " + found());
        }
        throw expectedError(what, RANGE);
    }

    /** Reads a dotted-quad IPv4 address, in wire order as {@link Ip4Address} holds it. */
    public OptionalInt tryIp4Address() {
        Integer address = readWord(IP4_ADDRESS, word -> parsed(word, Ip4Address::parse));
        return address == null ? OptionalInt.empty() : OptionalInt.of(address);
    }

    /** Reads an IPv4 address, or throws naming {@code what}. */
    public int ip4Address(String what) {
        OptionalInt address = tryIp4Address();
        if (address.isPresent()) {
            return address.getAsInt();
        }
        throw expectedError(what, IP4_ADDRESS);
    }

    /** Reads {@code a.b.c.d/len}. */
    public Optional<Ip4Prefix> tryIp4Prefix() {
        return Optional.ofNullable(readWord(IP4_PREFIX, word -> parsed(word, Ip4Prefix::parse)));
    }

    /** Reads an IPv4 prefix, or throws naming {@code what}. */
    public Ip4Prefix ip4Prefix(String what) {
        return tryIp4Prefix().orElseThrow(() -> expectedError(what, IP4_PREFIX));
    }

    /** Reads an IPv6 address in any RFC 4291 form, as its 16 bytes in wire order. */
    public Optional<byte[]> tryIp6Address() {
        return Optional.ofNullable(readWord(IP6_ADDRESS, word -> parsed(word, Ip6Address::parse)));
    }

    /** Reads an IPv6 address, or throws naming {@code what}. */
    public byte[] ip6Address(String what) {
        return tryIp6Address().orElseThrow(() -> expectedError(what, IP6_ADDRESS));
    }

    /** Reads {@code address/len} of IPv6. */
    public Optional<Ip6Prefix> tryIp6Prefix() {
        return Optional.ofNullable(readWord(IP6_PREFIX, word -> parsed(word, Ip6Prefix::parse)));
    }

    /** Reads an IPv6 prefix, or throws naming {@code what}. */
    public Ip6Prefix ip6Prefix(String what) {
        return tryIp6Prefix().orElseThrow(() -> expectedError(what, IP6_PREFIX));
    }

    /** Reads {@code 02:fe:12:34:56:78}, as {@link MacAddress} holds it in a {@code long}. */
    public OptionalLong tryMacAddress() {
        Long mac = readWord(MAC_ADDRESS, word -> parsed(word, MacAddress::parse));
        return mac == null ? OptionalLong.empty() : OptionalLong.of(mac);
    }

    /** Reads a MAC address, or throws naming {@code what}. */
    public long macAddress(String what) {
        OptionalLong mac = tryMacAddress();
        if (mac.isPresent()) {
            return mac.getAsLong();
        }
        throw expectedError(what, MAC_ADDRESS);
    }

    /** Reads the name of an interface that exists (any word, without {@link CliNames}). */
    public Optional<String> tryInterfaceName() {
        return Optional.ofNullable(readWord(INTERFACE, word -> known(word, names == null ? null
                : names.interfaceNames())));
    }

    /** Reads an interface name, or throws naming {@code what} and the nearest existing name. */
    public String interfaceName(String what) {
        return tryInterfaceName().orElseThrow(() -> unknownName(what, "interface", INTERFACE,
                names == null ? null : names.interfaceNames()));
    }

    /** Reads the name of a graph node (any word, without {@link CliNames}). */
    public Optional<String> tryNodeName() {
        return Optional.ofNullable(readWord(NODE, word -> known(word, names == null ? null : names.nodeNames())));
    }

    /** Reads a node name, or throws naming {@code what} and the nearest existing name. */
    public String nodeName(String what) {
        return tryNodeName().orElseThrow(() -> unknownName(what, "node", NODE,
                names == null ? null : names.nodeNames()));
    }

    /** Reads the next word, whatever it is. */
    public Optional<String> tryWord() {
        return Optional.ofNullable(readWord(WORD, word -> word));
    }

    /** Reads the next word, or throws naming {@code what} at the end of the line. */
    public String word(String what) {
        return tryWord().orElseThrow(() -> expectedError(what, WORD));
    }

    /**
     * Reads a string: text in double quotes (where {@code \"} is a quote and {@code \\} a
     * backslash), text in braces (VPP's form, nested braces kept), or else one word.
     */
    public Optional<String> tryString() {
        skipSpace();
        if (at < text.length()) {
            char open = text.charAt(at);
            if (open == '"' || open == '{') {
                int[] end = new int[1];
                String value = delimited(open, end);
                if (value != null) {
                    at = end[0];
                    return Optional.of(value);
                }
                tried(STRING, false);
                return Optional.empty();
            }
        }
        return Optional.ofNullable(readWord(STRING, word -> word));
    }

    /** Reads a string, or throws naming {@code what} and an unclosed quote or brace. */
    public String string(String what) {
        Optional<String> value = tryString();
        if (value.isPresent()) {
            return value.get();
        }
        if (at < text.length()) {
            char open = text.charAt(at);
            throw new CliException(prefix(what) + "expected " + STRING + ", got '" + shown(text.substring(at).strip())
                    + "' (no closing '" + (open == '"' ? '"' : '}') + "')");
        }
        throw expectedError(what, STRING);
    }

    /** Reads everything left, without the white space around it; empty at the end. */
    public String restOfLine() {
        skipSpace();
        String rest = text.substring(at).strip();
        at = text.length();
        return rest;
    }

    // ---- reading words

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private int skipSpace() {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The next word, without consuming it; empty at the end. */
    private String nextWord() {
        int from = skipSpace();
        int end = from;
        while (end < text.length() && !isSpace(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end);
    }

    /** Reads the next word if {@code parse} turns it into a value (null if it does not). */
    private <T> T readWord(String description, Function<String, T> parse) {
        String word = nextWord();
        T value = word.isEmpty() ? null : parse.apply(word);
        if (value != null) {
            at += word.length();
            return value;
        }
        tried(description, false);
        return null;
    }

    /** Notes a form tried at the current word, for {@link #unknownInput()}. */
    private void tried(String description, boolean keyword) {
        skipSpace();
        if (triedAt != at) {
            triedAt = at;
            expected.clear();
            keywords.clear();
        }
        if (!expected.contains(description)) {
            expected.add(description);
        }
        if (keyword && !keywords.contains(description)) {
            keywords.add(description);
        }
    }

    /** The text inside quotes or braces starting at {@code at}, its end in {@code end[0]}; null if unclosed. */
    private String delimited(char open, int[] end) {
        char close = open == '"' ? '"' : '}';
        StringBuilder value = new StringBuilder();
        int depth = 1;
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(++i));
                continue;
            }
            if (open == '{' && c == '{') {
                depth++;
            } else if (c == close && --depth == 0) {
                end[0] = i + 1;
                return value.toString();
            }
            value.append(c);
        }
        return null;
    }

    // ---- forms

    /** A decimal integer with optional sign, or {@code 0x} and hex digits; null if not one. */
    private static BigInteger integer(String word) {
        int start = word.startsWith("-") || word.startsWith("+") ? 1 : 0;
        String digits = word.substring(start);
        boolean negative = word.startsWith("-");
        int radix = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            digits = digits.substring(2);
            radix = 16;
        }
        if (digits.isEmpty()) {
            return null;
        }
        if (!allDigits(digits, radix)) {
            return null;
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    /** Whether every character is an ASCII digit of {@code radix} (10 or 16), unlike {@link Character#digit}. */
    private static boolean allDigits(String digits, int radix) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean decimal = c >= '0' && c <= '9';
            boolean hex = radix == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
            if (!decimal && !hex) {
                return false;
            }
        }
        return true;
    }

    private static BigInteger fits(BigInteger value, BigInteger min, BigInteger max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0 ? value : null;
    }

    private static Long hex(String word) {
        String digits = word.startsWith("0x") || word.startsWith("0X") ? word.substring(2) : word;
        if (digits.isEmpty() || digits.length() > HEX_LONG_DIGITS) {
            return null;
        }
        if (!allDigits(digits, 16)) {
            return null;
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    /** One end of a range: an integer of at least 0 that fits a long. */
    private static Long bound(String word) {
        BigInteger value = word.startsWith("-") || word.startsWith("+") ? null : fits(integer(word),
                BigInteger.ZERO, LONG_MAX);
        return value == null ? null : value.longValueExact();
    }

    private static Range parseRange(String word) {
        int dash = word.indexOf('-', 1);
        if (dash < 0) {
            return null;
        }
        Long first = bound(word.substring(0, dash));
        Long last = bound(word.substring(dash + 1));
        return first == null || last == null || first > last ? null : new Range(first, last);
    }

    private static <T> T parsed(String word, Function<String, T> parse) {
        try {
            return parse.apply(word);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String known(String word, Collection<String> existing) {
        return existing == null || existing.contains(word) ? word : null;
    }

    // ---- errors

    private CliException expectedError(String what, String description) {
        return new CliException(prefix(what) + "expected " + description + ", got " + found());
    }

    /** Names the bounds when the caller set them or when the word is a number outside them. */
    private CliException numberError(String what, BigInteger min, BigInteger max, boolean boundsGiven) {
        if (boundsGiven || integer(nextWord()) != null) {
            return new CliException(prefix(what) + "expected " + NUMBER + " in " + min + ".." + max + ", got "
                    + found());
        }
        return expectedError(what, NUMBER);
    }

    private CliException unknownName(String what, String kind, String description, Collection<String> existing) {
        String word = nextWord();
        if (word.isEmpty() || existing == null) {
            return expectedError(what, description);
        }
        String message = prefix(what) + "no " + kind + " named '" + shown(word) + "'";
        return new CliException(Suggestions.closest(word, existing)
                .map(s -> message + "; did you mean '" + s + "'?").orElse(message));
    }

    /** The next word, quoted, or {@code end of line}. */
    private String found() {
        String word = nextWord();
        return word.isEmpty() ? "end of line" : "'" + shown(word) + "'";
    }

    private static String prefix(String what) {
        return what == null || what.isBlank() ? "" : what + ": ";
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    static String alternatives(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** At most {@link #SHOWN_CHARS} of {@code s} with control characters written out, as VPP shows input. */
    static String shown(String s) {
        String cut = s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) : s;
        String escaped = cut.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > SHOWN_CHARS ? escaped + "..." : escaped;
    }
}
