package io.vecta.runtime.api.client;

import io.vecta.sdk.api.ApiCodecs;
import io.vecta.sdk.api.MessageCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * How a client's codecs compare with a server's message table, by message name: the messages
 * the server does not have at all, and those it has under another CRC (another layout). Every
 * other message of the client is bound and may be sent.
 *
 * @param missing keys of the client's messages whose name the server's table lacks
 * @param crcMismatches the client's messages the server has under another CRC
 */
public record TableCheck(List<String> missing, List<CrcMismatch> crcMismatches) {

    /**
     * @param name the message name
     * @param clientKey {@code name_crc} as the client's codec has it
     * @param serverKey {@code name_crc} as the server's table has it
     */
    public record CrcMismatch(String name, String clientKey, String serverKey) {
        @Override
        public String toString() {
            return name + ": client " + clientKey + ", server " + serverKey;
        }
    }

    public TableCheck {
        missing = List.copyOf(missing);
        crcMismatches = List.copyOf(crcMismatches);
    }

    static TableCheck of(ApiCodecs codecs, ServerMessageTable table) {
        List<String> missing = new ArrayList<>();
        List<CrcMismatch> mismatches = new ArrayList<>();
        for (MessageCodec<?> codec : codecs.all()) {
            if (table.id(codec.key()).isPresent()) {
                continue;
            }
            table.keyOfName(codec.name()).ifPresentOrElse(
                    serverKey -> mismatches.add(new CrcMismatch(codec.name(), codec.key(), serverKey)),
                    () -> missing.add(codec.key()));
        }
        return new TableCheck(missing, mismatches);
    }

    /** Whether every message of the client is in the server's table under its CRC. */
    public boolean isCompatible() {
        return missing.isEmpty() && crcMismatches.isEmpty();
    }

    /** Throws, naming every message that differs, unless {@link #isCompatible()}. */
    public void requireCompatible() {
        if (!isCompatible()) {
            throw new ApiMismatchException("the server's message table does not match the client's: " + this);
        }
    }

    @Override
    public String toString() {
        if (isCompatible()) {
            return "all messages match";
        }
        return "missing on the server " + missing + "; other CRC on the server " + crcMismatches;
    }
}
