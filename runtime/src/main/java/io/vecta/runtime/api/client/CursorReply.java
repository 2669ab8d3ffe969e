package io.vecta.runtime.api.client;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two fields of an {@code X_get_reply} that steer a cursor get, found once per generated
 * record by name:
 * <pre>
 *   X_get_reply { u32 context; i32 retval; u32 cursor; }
 *     retval 0                 the last page: done
 *     retval {@value io.vecta.sdk.api.ApiErrors#EAGAIN}  more: send X_get again from cursor
 *     any other retval         the server's error
 * </pre>
 */
final class CursorReply {


    private static final ClassValue<Optional<CursorReply>> BY_TYPE = new ClassValue<>() {
        @Override
        protected Optional<CursorReply> computeValue(Class<?> type) {
            RecordComponent[] fields = type.getRecordComponents();
            if (fields == null) {
                return Optional.empty();
            }
            Optional<RecordComponent> retval = Arrays.stream(fields).filter(f -> f.getName().equals("retval"))
                    .findFirst();
            Optional<RecordComponent> cursor = Arrays.stream(fields).filter(f -> f.getName().equals("cursor"))
                    .findFirst();
            if (retval.isEmpty() || cursor.isEmpty()) {
                return Optional.empty();
            }
            Method retvalAccessor = retval.get().getAccessor();
            Method cursorAccessor = cursor.get().getAccessor();
            // generated records are public; a hand-written one may not be
            return retvalAccessor.trySetAccessible() && cursorAccessor.trySetAccessible()
                    ? Optional.of(new CursorReply(retvalAccessor, cursorAccessor)) : Optional.empty();
        }
    };

    private final Method retval;
    private final Method cursor;

    private CursorReply(Method retval, Method cursor) {
        this.retval = retval;
        this.cursor = cursor;
    }

    /** How to read {@code replyType}'s retval and cursor; empty if it lacks either. */
    static Optional<CursorReply> of(Class<?> replyType) {
        return BY_TYPE.get(replyType);
    }

    int retval(Object reply) {
        return read(retval, reply).intValue();
    }

    /** The cursor as the u32 it is on the wire. */
    long cursor(Object reply) {
        return read(cursor, reply).longValue() & 0xffff_ffffL;
    }

    private static Number read(Method accessor, Object reply) {
        try {
            return (Number) accessor.invoke(reply);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("reading " + reply.getClass().getSimpleName() + ": " + e, e);
        }
    }
}
