package io.vecta.runtime.pg;

import io.vecta.runtime.show.Columns;
import java.util.List;
import java.util.Locale;

/**
 * {@code show packet-generator [verbose]} in VPP's layout: a row per stream with its name,
 * whether it is enabled, the packets sent and its parameters; verbose adds each header's size
 * and offset on lines of their own under the parameters.
 *
 * <pre>
 * Name               Enabled        Count     Parameters
 * drop                 No             0       limit 50000000, rate 0.00e0 pps, size 64-64, buffer-size 2048, worker 0,
 *                                             hdr-size 14, offset 0,
 * </pre>
 */
public final class ShowPacketGenerator {

    private static final String HEADER = "Name               Enabled        Count     Parameters";
    private static final int PARAMETERS_COLUMN = 44;

    private ShowPacketGenerator() {
    }

    /** The report of {@code streams}, whose buffers hold {@code bufferSize} bytes of data. */
    public static String format(List<PgStream> streams, int bufferSize, boolean verbose) {
        if (streams.isEmpty()) {
            return "no streams currently defined\n";
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        String indent = " ".repeat(PARAMETERS_COLUMN);
        for (PgStream stream : streams) {
            StreamSpec spec = stream.spec();
            String row = Columns.left(stream.name(), 16) + Columns.center(stream.isEnabled() ? "Yes" : "No", 12)
                    + Columns.center(stream.sent(), 16);
            out.append(row).append(row.length() <= PARAMETERS_COLUMN ? " ".repeat(PARAMETERS_COLUMN - row.length()) : " ");
            byte[][] frames = stream.templates().frames();
            int min = frames[0].length;
            int max = frames[frames.length - 1].length;
            out.append("limit ").append(spec.limit()).append(", rate ").append(rate(spec.rate()))
                    .append(" pps, size ").append(min).append('-').append(max)
                    .append(", buffer-size ").append(bufferSize).append(", worker 0, ");
            spec.pcap().ifPresent(file -> out.append("pcap ").append(file).append(", "));
            out.append('\n');
            if (verbose) {
                for (PacketTemplates.HeaderLayout h : stream.templates().layout()) {
                    out.append(indent).append("hdr-size ").append(h.size()).append(", offset ").append(h.offset())
                            .append(", ");
                    if (h.editFunction() != null) {
                        out.append("edit-function ").append(h.editFunction()).append(", ");
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** VPP's {@code %.2e}: {@code 0.00e0}, {@code 1.00e6}. */
    static String rate(double rate) {
        String text = String.format(Locale.ROOT, "%.2e", rate);
        int e = text.indexOf('e');
        int exponent = Integer.parseInt(text.substring(e + 1));
        return text.substring(0, e + 1) + exponent;
    }
}
