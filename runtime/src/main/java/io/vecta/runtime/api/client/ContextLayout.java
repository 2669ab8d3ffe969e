package io.vecta.runtime.api.client;

import java.lang.reflect.RecordComponent;

/**
 * Where a message keeps the fields the client fills in and matches on, read once per generated
 * record from its first components (the {@code .api} field order).
 *
 * <pre>
 * request  (client_index, context, ...)  0 id | 2 client_index | 6 context | 10 ...
 * reply    (context, ...)                0 id | 2 context | 6 ...
 * other    (no context first)            0 id | 2 ...     e.g. events carrying client_index, pid
 * </pre>
 */
enum ContextLayout {
    REQUEST,
    REPLY,
    OTHER;

    static final int CLIENT_INDEX_OFFSET = 2;
    static final int REQUEST_CONTEXT_OFFSET = 6;
    static final int REPLY_CONTEXT_OFFSET = 2;

    private static final ClassValue<ContextLayout> BY_TYPE = new ClassValue<>() {
        @Override
        protected ContextLayout computeValue(Class<?> type) {
            RecordComponent[] fields = type.getRecordComponents();
            if (fields == null || fields.length == 0) {
                return OTHER;
            }
            if (fields[0].getName().equals("context")) {
                return REPLY;
            }
            if (fields.length > 1 && fields[0].getName().equals("clientIndex") && fields[1].getName().equals("context")) {
                return REQUEST;
            }
            return OTHER;
        }
    };

    static ContextLayout of(Class<?> messageType) {
        return BY_TYPE.get(messageType);
    }

    /** The offset of {@code context} in the payload, or -1 if the message has none up front. */
    int contextOffset() {
        return switch (this) {
            case REQUEST -> REQUEST_CONTEXT_OFFSET;
            case REPLY -> REPLY_CONTEXT_OFFSET;
            case OTHER -> -1;
        };
    }
}
