package io.vecta.runtime.api.client;

import io.vecta.runtime.api.core.memclnt.MessageTableEntry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server's {@code name_crc → id} table as {@code sockclnt_create_reply} carried it, and
 * the way back from id to {@code name_crc} for what the server sends.
 */
public final class ServerMessageTable {

    /** Characters of {@code _xxxxxxxx}, the CRC suffix of a key. */
    private static final int CRC_SUFFIX = 9;

    private final Map<String, Integer> idByKey;
    private final Map<Integer, String> keyById;
    /** Message name to its key, for telling "absent" from "other CRC". */
    private final Map<String, String> keyByName;

    private ServerMessageTable(Map<String, Integer> idByKey, Map<Integer, String> keyById,
                               Map<String, String> keyByName) {
        this.idByKey = idByKey;
        this.keyById = keyById;
        this.keyByName = keyByName;
    }

    static ServerMessageTable of(List<MessageTableEntry> entries) {
        Map<String, Integer> idByKey = new TreeMap<>();
        Map<Integer, String> keyById = new TreeMap<>();
        Map<String, String> keyByName = new TreeMap<>();
        for (MessageTableEntry entry : entries) {
            idByKey.put(entry.name(), entry.index_());
            keyById.put(entry.index_(), entry.name());
            keyByName.put(nameOf(entry.name()), entry.name());
        }
        return new ServerMessageTable(Collections.unmodifiableMap(idByKey), Collections.unmodifiableMap(keyById),
                Collections.unmodifiableMap(keyByName));
    }

    /** {@code show_version} of {@code show_version_51077d14}. */
    static String nameOf(String key) {
        return key.length() > CRC_SUFFIX && key.charAt(key.length() - CRC_SUFFIX) == '_'
                ? key.substring(0, key.length() - CRC_SUFFIX) : key;
    }

    public Optional<Integer> id(String key) {
        return Optional.ofNullable(idByKey.get(key));
    }

    public Optional<String> key(int id) {
        return Optional.ofNullable(keyById.get(id));
    }

    /** The server's key for a message name, whatever its CRC. */
    public Optional<String> keyOfName(String name) {
        return Optional.ofNullable(keyByName.get(name));
    }

    /** Every {@code id → name_crc}, by id. */
    public Map<Integer, String> byId() {
        return keyById;
    }

    public int size() {
        return idByKey.size();
    }
}
