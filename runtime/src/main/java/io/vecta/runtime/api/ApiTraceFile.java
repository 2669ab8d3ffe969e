package io.vecta.runtime.api;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The file {@code api trace save} writes and {@code api trace replay} and
 * {@code api trace dump-file} read. Big-endian; every message is named by its
 * {@code name_crc}, so a runtime with another message table (other modules, other ids) still
 * knows which message each record holds and finds its own id for it by that key.
 *
 * <pre>
 * file
 * +--------------------------------------------------------+  0  MAGIC_OFFSET
 * | "VECTA-API-TRACE1": 16 ASCII bytes, magic and version  |
 * +--------------------------------------------------------+ 16  COUNT_OFFSET
 * | u32 count of the records that follow                   |
 * +--------------------------------------------------------+ 20  RECORDS_OFFSET
 * | record 0 | record 1 | ... | record count-1             |  nothing after the last
 * +--------------------------------------------------------+
 *
 * record (offsets from its start; k key bytes, n payload bytes)
 * +--------------------------------------------------------+  0  NANOS_OFFSET
 * | u64 nanoseconds since the trace was started            |
 * +--------------------------------------------------------+  8  CLIENT_OFFSET
 * | u32 handle of the client that sent it                  |
 * +--------------------------------------------------------+ 12  KEY_LENGTH_OFFSET
 * | u16 k                                                  |
 * +--------------------------------------------------------+ 14  KEY_OFFSET
 * | key: name_crc in UTF-8, e.g. show_version_51077d14     |
 * +--------------------------------------------------------+ 14 + k
 * | u32 n                                                  |
 * +--------------------------------------------------------+ 18 + k
 * | payload: the message as received, its u16 id first     |
 * +--------------------------------------------------------+ 18 + k + n
 * </pre>
 *
 * The id at the start of a payload is the one the saving runtime gave the message; a reader
 * must not trust it, only the key. A file is read whole, and read strictly: a count that does
 * not match the records, a record cut short, a key that is not {@code name_crc} or bytes after
 * the last record make it unreadable ({@link ApiTraceFileException}).
 */
public final class ApiTraceFile {

    /** The file's first bytes: magic and format version. */
    public static final byte[] MAGIC = "VECTA-API-TRACE1".getBytes(StandardCharsets.US_ASCII);
    /** Where the magic starts. */
    public static final int MAGIC_OFFSET = 0;
    /** Where the record count is. */
    public static final int COUNT_OFFSET = 16;
    /** Where the first record starts. */
    public static final int RECORDS_OFFSET = 20;

    /** In a record: the time it was recorded. */
    public static final int NANOS_OFFSET = 0;
    /** In a record: the sender's handle. */
    public static final int CLIENT_OFFSET = 8;
    /** In a record: the key's length. */
    public static final int KEY_LENGTH_OFFSET = 12;
    /** In a record: the key. */
    public static final int KEY_OFFSET = 14;
    /** Bytes of the payload length that follows the key. */
    public static final int PAYLOAD_LENGTH_BYTES = 4;

    /** The magic without its version digit, to tell another version from something else. */
    private static final int MAGIC_FAMILY_BYTES = MAGIC.length - 1;

    /** A message name, an underscore, and its CRC as 8 lowercase hex digits. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+_[0-9a-f]{8}");

    private ApiTraceFile() {
    }

    /**
     * Writes {@code entries} to {@code file}, replacing it.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(Path file, List<ApiTrace.Entry> entries) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            out.write(MAGIC);
            out.writeInt(entries.size());
            for (ApiTrace.Entry e : entries) {
                byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
                out.writeLong(e.nanos());
                out.writeInt(e.clientIndex());
                out.writeShort(key.length);
                out.write(key);
                out.writeInt(e.payload().length);
                out.write(e.payload());
            }
        }
    }

    /**
     * Reads every record of {@code file}, in order.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws ApiTraceFileException if the file is not a whole trace of this format; it names the
     *         record and offset and keeps the records before
     * @throws IOException if the file cannot be read
     */
    public static List<ApiTrace.Entry> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<ApiTrace.Entry> entries = new ArrayList<>();
        String header = headerProblem(bytes);
        if (header != null) {
            throw new ApiTraceFileException(file, header, entries);
        }
        long count = Integer.toUnsignedLong(in.getInt(COUNT_OFFSET));
        int at = RECORDS_OFFSET;
        for (long i = 0; i < count; i++) {
            String where = "record " + i + " of " + count + " at offset " + at;
            need(file, bytes, at, KEY_OFFSET, where, "its header", entries);
            long nanos = in.getLong(at + NANOS_OFFSET);
            int client = in.getInt(at + CLIENT_OFFSET);
            int keyLength = Short.toUnsignedInt(in.getShort(at + KEY_LENGTH_OFFSET));
            need(file, bytes, at, KEY_OFFSET + keyLength + PAYLOAD_LENGTH_BYTES, where, "its key", entries);
            String key = utf8(bytes, at + KEY_OFFSET, keyLength);
            if (key == null || !KEY.matcher(key).matches()) {
                throw new ApiTraceFileException(file, where + ": its key "
                        + (key == null ? "is not UTF-8" : "'" + key + "' is not name_crc") + "; the file is damaged",
                        entries);
            }
            int payloadAt = KEY_OFFSET + keyLength + PAYLOAD_LENGTH_BYTES;
            long payloadLength = Integer.toUnsignedLong(in.getInt(at + KEY_OFFSET + keyLength));
            need(file, bytes, at, payloadAt + payloadLength, where, "its " + payloadLength + "-byte payload", entries);
            if (payloadLength < ApiFrame.MSG_ID_BYTES) {
                throw new ApiTraceFileException(file, where + " (" + key + "): a payload"
                        + " of " + payloadLength + " bytes has no message id; the file is damaged", entries);
            }
            byte[] payload = Arrays.copyOfRange(bytes, at + payloadAt, at + payloadAt + (int) payloadLength);
            entries.add(new ApiTrace.Entry(nanos, client, key, payload));
            at += payloadAt + (int) payloadLength;
        }
        if (at != bytes.length) {
            throw new ApiTraceFileException(file, (bytes.length - at) + " bytes after"
                    + " the last of its " + count + " records, at offset " + at + "; the file is damaged", entries);
        }
        return entries;
    }

    /** The message name of a record's key: everything before the CRC. */
    public static String messageName(String key) {
        return key.substring(0, key.lastIndexOf('_'));
    }

    private static void need(Path file, byte[] bytes, int recordAt, long bytesFromRecord, String where, String what,
                             List<ApiTrace.Entry> entries) throws ApiTraceFileException {
        if (recordAt + bytesFromRecord > bytes.length) {
            throw new ApiTraceFileException(file, "truncated: " + where + " needs "
                    + bytesFromRecord + " bytes for " + what + ", the file ends " + (bytes.length - recordAt)
                    + " bytes after the record's start", entries);
        }
    }

    /** What is wrong with the file's header, or null if it is this format's. */
    private static String headerProblem(byte[] bytes) {
        int compared = Math.min(bytes.length, MAGIC.length);
        if (Arrays.equals(bytes, 0, compared, MAGIC, 0, compared)) {
            return bytes.length < RECORDS_OFFSET
                    ? "truncated: " + bytes.length + " bytes, the header alone has " + RECORDS_OFFSET : null;
        }
        if (bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC_FAMILY_BYTES, MAGIC, 0, MAGIC_FAMILY_BYTES)) {
            return "format version '" + (char) bytes[MAGIC_FAMILY_BYTES] + "', this runtime reads '"
                    + (char) MAGIC[MAGIC_FAMILY_BYTES] + "'";
        }
        return "not an api trace (it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII) + ")";
    }

    private static String utf8(byte[] bytes, int from, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
