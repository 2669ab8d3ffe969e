package io.vecta.api.compiler.model;

/**
 * The value of an {@code option} statement or of a field option in brackets
 * ({@code [default=0xffffffff]}, {@code [case=ADDRESS_IP4]}, {@code [backwards_compatible]}).
 */
public sealed interface OptionValue {

    /** An option written without a value: {@code option deprecated;}, {@code [backwards_compatible]}. */
    record Flag() implements OptionValue {
    }

    /** A whole number, decimal or hexadecimal as written. */
    record Integer(long value) implements OptionValue {
    }

    /** A number with a fraction: {@code [default=1.0]}. */
    record Real(double value) implements OptionValue {
    }

    record Bool(boolean value) implements OptionValue {
    }

    /** A quoted string without its quotes; backslash escapes are kept as written. */
    record Text(String value) implements OptionValue {
    }

    /** A bare name: an enum entry ({@code case=ADDRESS_IP4}) or a field ({@code discriminator=af}). */
    record Name(String value) implements OptionValue {
    }
}
