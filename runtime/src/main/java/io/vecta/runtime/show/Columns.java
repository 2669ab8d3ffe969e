package io.vecta.runtime.show;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * VPP's field formatting, so that Vecta's tables line up as VPP's do: text in a field of
 * width {@code N} is cut to {@code N} characters (vppinfra's {@code justify} does), centred
 * text puts the odd space on the left, numbers are printed whole even when wider than their
 * field, and floating point numbers follow vppinfra's {@code format_float}: no leading zero
 * before the point ({@code .50}, but {@code 0.00} for zero) and exponents with neither sign
 * nor padding ({@code 2.23e-1}, {@code 1.85e7}).
 */
public final class Columns {

    private Columns() {
    }

    /** {@code %=Ns}: centred, the odd space on the left, cut to {@code width}. */
    public static String center(String text, int width) {
        String cut = cut(text, width);
        int padding = width - cut.length();
        int right = padding / 2;
        return " ".repeat(padding - right) + cut + " ".repeat(right);
    }

    /** {@code %-Ns}: on the left, cut to {@code width}. */
    public static String left(String text, int width) {
        String cut = cut(text, width);
        return cut + " ".repeat(width - cut.length());
    }

    /** {@code %Ns}: on the right, cut to {@code width}. */
    public static String right(String text, int width) {
        String cut = cut(text, width);
        return " ".repeat(width - cut.length()) + cut;
    }

    /** {@code %Nd}: on the right, never cut. */
    public static String right(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** {@code %=Nd}: centred, the odd space on the left, never cut. */
    public static String center(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : center(text, width);
    }

    /** vppinfra's {@code %.Nf}: {@code 0.00}, {@code .50}, {@code 12.25}. */
    public static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (new BigDecimal(text).signum() == 0) {
            return String.format(Locale.ROOT, "%." + decimals + "f", 0.0);
        }
        if (text.startsWith("0.")) {
            return text.substring(1);
        }
        if (text.startsWith("-0.")) {
            return "-" + text.substring(2);
        }
        return text;
    }

    /** vppinfra's {@code %.Ne}: {@code 0.00e0}, {@code 2.2319e-1}, {@code 1.85e7}. */
    static String scientific(double value, int decimals) {
        if (value == 0) {
            return fixed(0, decimals) + "e0";
        }
        BigDecimal exact = new BigDecimal(value);
        int exponent = exact.precision() - exact.scale() - 1;
        BigDecimal mantissa = exact.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP);
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            exponent++;
            mantissa = exact.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP);
        }
        return mantissa.toPlainString() + "e" + exponent;
    }

    /**
     * vppinfra's {@code format_memory_size}: whole units when exact ({@code 4k}, {@code 1g}),
     * else two decimals ({@code 86.81m}); {@code k}, {@code m}, {@code g} are powers of 1024.
     */
    static String memorySize(long bytes) {
        int log2 = bytes > 0 ? 63 - Long.numberOfLeadingZeros(bytes) : 0;
        int shift = log2 < 10 ? 0 : log2 < 20 ? 10 : log2 < 30 ? 20 : 30;
        long unit = 1L << shift;
        String number = (bytes & (unit - 1)) != 0 ? fixed((double) bytes / unit, 2) : Long.toString(bytes >> shift);
        return shift == 0 ? number : number + " kmg".charAt(shift / 10);
    }

    private static String cut(String text, int width) {
        return text.length() > width ? text.substring(0, width) : text;
    }
}
