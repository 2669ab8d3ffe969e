package io.vecta.runtime.api;

import io.vecta.sdk.api.MessageCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Message ids, as VPP numbers them and as clients learn them at the handshake.
 *
 * <pre>
 *   id 0            invalid
 *   ids 1 .. 28     memclnt, fixed, in file order (15 sockclnt_create, 16 its reply, 23 control_ping ...)
 *   ids 29 ..       one block per further module, in registration order:
 *                   block base + position of the message in its .api file
 *   names           name_crc ─▶ id for every message  (show_version_51077d14 ─▶ 1234)
 *   ranges          module_filecrc ─▶ block base      (vpe_33b45969 ─▶ 1230), for get_first_msg_id
 * </pre>
 *
 * A name registered a second time keeps its first id, as in VPP; its second id exists but no
 * client can find it. Immutable, so any thread may read it.
 */
public final class MessageTable {

    /** The largest message id: ids are u16. */
    public static final int MAX_ID = 0xffff;

    /** Index {@code id} holds the message with that id; index 0 is empty. */
    private final List<ApiMessage> byId;
    private final Map<String, Integer> idByKey;
    private final Map<String, Integer> baseByRange;
    private final List<ApiModule> modules;
    private final List<String> ignoredKeys;
    private final Map<String, MessageCodec<?>> codecByKey = new HashMap<>();
    private final List<String> refusedModules;

    private MessageTable(List<ApiMessage> byId, Map<String, Integer> idByKey, Map<String, Integer> baseByRange,
                         List<ApiModule> modules, List<String> ignoredKeys, List<String> refusedModules) {
        this.byId = byId;
        this.idByKey = idByKey;
        this.baseByRange = baseByRange;
        this.modules = modules;
        this.ignoredKeys = ignoredKeys;
        for (ApiModule module : modules) {
            for (MessageCodec<?> codec : module.codecs()) {
                codecByKey.putIfAbsent(codec.key(), codec);
            }
        }
        this.refusedModules = refusedModules;
    }

    /**
     * Numbers {@code bootstrap}'s messages from 1 (it gets no range, as memclnt in VPP) and then
     * gives each of {@code modules} its block.
     *
     * @throws IllegalArgumentException if two modules share a range name or the ids run past
     *         {@link #MAX_ID}
     */
    public static MessageTable build(ApiModule bootstrap, List<ApiModule> modules) {
        return build(bootstrap, modules, List.of());
    }

    /**
     * As {@link #build(ApiModule, List)}, keeping why the modules in {@code refusedModules} were
     * left out (a plugin's module whose name or messages another module has), to show them.
     */
    public static MessageTable build(ApiModule bootstrap, List<ApiModule> modules, List<String> refusedModules) {
        List<ApiMessage> byId = new ArrayList<>();
        byId.add(null);
        Map<String, Integer> idByKey = new LinkedHashMap<>();
        Map<String, Integer> baseByRange = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        List<ApiModule> all = new ArrayList<>();
        all.add(bootstrap);
        all.addAll(modules);
        for (ApiModule module : all) {
            int base = byId.size();
            if (base + module.messages().size() - 1 > MAX_ID) {
                throw new IllegalArgumentException("api message table: module '" + module.name() + "' needs ids "
                        + base + ".." + (base + module.messages().size() - 1) + ", past the largest id " + MAX_ID);
            }
            if (module != bootstrap && baseByRange.putIfAbsent(module.rangeName(), base) != null) {
                throw new IllegalArgumentException("api message table: module " + module.rangeName()
                        + " is registered twice");
            }
            for (ApiMessage message : module.messages()) {
                if (idByKey.putIfAbsent(message.key(), byId.size()) != null) {
                    ignored.add(message.key());
                }
                byId.add(message);
            }
        }
        return new MessageTable(Collections.unmodifiableList(byId), Collections.unmodifiableMap(idByKey),
                Collections.unmodifiableMap(baseByRange), List.copyOf(all), List.copyOf(ignored),
                List.copyOf(refusedModules));
    }

    /** The message with {@code id}, if there is one. */
    public Optional<ApiMessage> message(int id) {
        return id > 0 && id < byId.size() ? Optional.of(byId.get(id)) : Optional.empty();
    }

    /** The id of {@code name_crc}, if registered. */
    public Optional<Integer> id(String key) {
        return Optional.ofNullable(idByKey.get(key));
    }

    /**
     * The id of a message this server sends, for encoders.
     *
     * @throws IllegalStateException if the table lacks it: the client could not decode it
     */
    public int idOf(String name, int crc) {
        Integer id = idByKey.get(ApiMessage.key(name, crc));
        if (id == null) {
            throw new IllegalStateException("api message table has no " + ApiMessage.key(name, crc));
        }
        return id;
    }

    /**
     * {@code message}'s payload, encoded by its generated codec under the id this table gives it:
     * what a reply, a details record or an event carries.
     *
     * @throws IllegalStateException if the table lacks the message: the client could not decode it
     */
    public <T extends io.vecta.sdk.api.ApiMessage> byte[] encode(T message) {
        @SuppressWarnings("unchecked")
        MessageCodec<T> codec = (MessageCodec<T>) message.codec();
        return codec.encode(message, idOf(codec.name(), codec.crc()));
    }

    /** The generated codec of {@code name_crc}, if a module built from codecs registered it. */
    public Optional<MessageCodec<?>> codec(String key) {
        return Optional.ofNullable(codecByKey.get(key));
    }

    /** Whether {@code id} is one of the bootstrap module's fixed ids (memclnt's 1 to 28). */
    public boolean isBootstrap(int id) {
        return id > 0 && id <= modules.getFirst().messages().size();
    }

    /** The first id of the module registered as {@code <module>_<file crc>}, if any. */
    public Optional<Integer> firstId(String rangeName) {
        return Optional.ofNullable(baseByRange.get(rangeName));
    }

    /** Every {@code name_crc} and its id, in id order: what the handshake sends. */
    public Map<String, Integer> ids() {
        return idByKey;
    }

    /** The highest id in use. */
    public int lastId() {
        return byId.size() - 1;
    }

    /** The bootstrap module first, then the others in the order their blocks were given. */
    public List<ApiModule> modules() {
        return modules;
    }

    /** Why each module left out of the table was refused, in the order they were refused. */
    public List<String> refusedModules() {
        return refusedModules;
    }

    /** Keys registered a second time, whose later ids nobody can find. */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }
}
