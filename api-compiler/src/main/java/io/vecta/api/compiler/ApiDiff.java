package io.vecta.api.compiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two trees of {@code .api} files, message by message (names are unique
 * across VPP's tree, so a message that moved to another file is not a change). A changed CRC
 * means old clients no longer bind that message.
 *
 * @param added messages only in the new tree
 * @param removed messages only in the old tree
 * @param changed messages in both whose CRC differs
 */
public record ApiDiff(List<MessageCrc> added, List<MessageCrc> removed, List<Change> changed) {

    public ApiDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** A message in both trees with different CRCs; {@code file} is where the new tree has it. */
    public record Change(String file, String message, int oldCrc, int newCrc) {

        @Override
        public String toString() {
            return file + "\t" + message + "\t" + ApiCrc.hex(oldCrc) + " -> " + ApiCrc.hex(newCrc);
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** Compares every {@code .api} file under two directories; each resolves imports against itself. */
    public static ApiDiff compare(Path oldDirectory, Path newDirectory) throws ApiCompileException {
        Map<String, MessageCrc> before = byName(ApiCrcs.list(oldDirectory));
        Map<String, MessageCrc> after = byName(ApiCrcs.list(newDirectory));
        List<MessageCrc> added = new ArrayList<>();
        List<MessageCrc> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (MessageCrc now : after.values()) {
            MessageCrc then = before.get(now.message());
            if (then == null) {
                added.add(now);
            } else if (then.crc() != now.crc()) {
                changed.add(new Change(now.file(), now.message(), then.crc(), now.crc()));
            }
        }
        for (MessageCrc then : before.values()) {
            if (!after.containsKey(then.message())) {
                removed.add(then);
            }
        }
        added.sort(Comparator.comparing(MessageCrc::message));
        removed.sort(Comparator.comparing(MessageCrc::message));
        return new ApiDiff(added, removed, changed);
    }

    private static Map<String, MessageCrc> byName(List<MessageCrc> rows) {
        Map<String, MessageCrc> byName = new TreeMap<>();
        for (MessageCrc row : rows) {
            byName.putIfAbsent(row.message(), row);
        }
        return byName;
    }
}
