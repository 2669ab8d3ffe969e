package io.vecta.api.compiler;

/**
 * One message of a tree of {@code .api} files and its CRC.
 *
 * @param file the file's path relative to the listed directory, with '/' separators
 */
public record MessageCrc(String file, String message, int crc) implements Comparable<MessageCrc> {

    /** {@code file<TAB>message<TAB>0x........}. */
    @Override
    public String toString() {
        return file + "\t" + message + "\t" + ApiCrc.hex(crc);
    }

    @Override
    public int compareTo(MessageCrc other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : message.compareTo(other.message);
    }
}
