package io.vecta.api.compiler;

import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.Definition;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FileOption;
import io.vecta.api.compiler.model.Import;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import io.vecta.api.compiler.model.UserType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The CRCs VPP's generator gives messages and files, so that VPP's clients bind Vecta's messages.
 *
 * <p>All are plain CRC-32 (as {@link CRC32}) over {@link CrcText} texts. Continuing a CRC with
 * more text equals the CRC of the joined texts, so each CRC is one {@link CRC32} fed in order:
 * <pre>
 *   message  own text, then for each field of a defined type, depth first:
 *            the type's text, and if it is a typedef or union, the same for its fields
 *            (enums and aliases are not descended into; a type used twice counts twice)
 *   file     for each top-level define/typedef/enum/union/alias its own text, for each
 *            file option its name; imports, services, counters and paths add nothing
 * </pre>
 * Message names, flags, options, field options and comments never change a CRC.
 */
public final class ApiCrc {

    /** The module whose message ids are fixed (1 + index) rather than a registered range. */
    private static final String STATIC_ID_MODULE = "memclnt";

    private ApiCrc() {
    }

    /** The CRC in a message's table name {@code <name>_<crc:08x>}. */
    public static int message(Message message) {
        CRC32 crc = new CRC32();
        update(crc, CrcText.of(message));
        fold(crc, message.fields());
        return (int) crc.getValue();
    }

    /** CRC-32 of the message's own text, before the types it uses are folded in. */
    public static int ownText(Message message) {
        return crc(CrcText.of(message));
    }

    /** CRC-32 of the type's own text. */
    public static int ownText(UserType type) {
        return crc(CrcText.of(type));
    }

    /** A type's text with every type it contains folded in, as for a message. */
    public static int type(UserType type) {
        CRC32 crc = new CRC32();
        update(crc, CrcText.of(type));
        switch (type) {
            case TypeDef typeDef -> fold(crc, typeDef.fields());
            case Union union -> fold(crc, union.arms());
            default -> {
            }
        }
        return (int) crc.getValue();
    }

    /** The whole-file CRC VPP's C output uses: over the file's own definitions only. */
    public static int file(ApiFile file) {
        CRC32 crc = new CRC32();
        fileItems(crc, file, false);
        return (int) crc.getValue();
    }

    /**
     * The {@code vl_api_version} of VPP's JSON output: like {@link #file} but each import adds,
     * where it stands, the types of the imported file and of its imports, depth first, as often
     * as the file is reached.
     */
    public static int jsonVersion(ApiFile file) {
        CRC32 crc = new CRC32();
        fileItems(crc, file, true);
        return (int) crc.getValue();
    }

    /**
     * The name VPP registers the file's message-id range under, {@code <module>_<file crc:08x>},
     * which clients pass to {@code get_first_msg_id}; empty for a file without messages and for
     * {@code memclnt}, whose ids are fixed.
     */
    public static Optional<String> messageRangeName(ApiFile file) {
        if (file.messages().isEmpty() || file.module().equals(STATIC_ID_MODULE)) {
            return Optional.empty();
        }
        return Optional.of(file.module() + "_" + "%08x".formatted(file(file)));
    }

    /** {@code 0x} and eight lowercase hex digits, as VPP's JSON writes message CRCs. */
    public static String hex(int crc) {
        return "0x%08x".formatted(crc);
    }

    private static void fileItems(CRC32 crc, ApiFile file, boolean withImports) {
        for (Definition definition : file.definitions()) {
            switch (definition) {
                case Message message -> update(crc, CrcText.of(message));
                case UserType type -> update(crc, CrcText.of(type));
                case FileOption option -> update(crc, option.name());
                case Import imported when withImports -> importedTypes(crc, imported.file());
                default -> {
                }
            }
        }
    }

    private static void importedTypes(CRC32 crc, ApiFile file) {
        for (Definition definition : file.definitions()) {
            switch (definition) {
                case UserType type -> update(crc, CrcText.of(type));
                case Import imported -> importedTypes(crc, imported.file());
                default -> {
                }
            }
        }
    }

    private static void fold(CRC32 crc, List<Field> fields) {
        for (Field field : fields) {
            if (field.type() instanceof UserType type) {
                update(crc, CrcText.of(type));
                switch (type) {
                    case TypeDef typeDef -> fold(crc, typeDef.fields());
                    case Union union -> fold(crc, union.arms());
                    default -> {
                    }
                }
            }
        }
    }

    private static int crc(String text) {
        CRC32 crc = new CRC32();
        update(crc, text);
        return (int) crc.getValue();
    }

    private static void update(CRC32 crc, String text) {
        crc.update(text.getBytes(StandardCharsets.UTF_8));
    }
}
