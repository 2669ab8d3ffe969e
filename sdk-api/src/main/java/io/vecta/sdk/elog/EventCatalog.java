package io.vecta.sdk.elog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process's event types and interned strings: what turns the numbers of a logged event
 * back into text. Registration and interning happen when code sets up (node runtimes, plugin
 * init), never while logging, so both take a lock; an event carries only the ids.
 *
 * <p>Registering a format twice with the same span gives the same type, so code may declare
 * its types in static fields and re-run without filling the catalog.
 */
public final class EventCatalog {

    private static final EventCatalog GLOBAL = new EventCatalog();

    private final List<EventType> types = new ArrayList<>();
    private final Map<String, EventType> typesByKey = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> stringIds = new HashMap<>();

    /** The catalog every event log of the process refers to. */
    public static EventCatalog global() {
        return GLOBAL;
    }

    /**
     * The type of events printed with {@code format} that mean {@code span} on a timeline.
     *
     * @throws IllegalArgumentException if the format does not parse (see {@link EventFormat#parse})
     */
    public synchronized EventType register(String format, EventType.Span span) {
        String key = span + "\0" + format;
        EventType known = typesByKey.get(key);
        if (known != null) {
            return known;
        }
        EventType type = new EventType(types.size(), EventFormat.parse(format), span);
        types.add(type);
        typesByKey.put(key, type);
        return type;
    }

    /** An {@link EventType.Span#INSTANT} type printed with {@code format}. */
    public EventType register(String format) {
        return register(format, EventType.Span.INSTANT);
    }

    /** Type {@code id}. */
    public synchronized EventType type(int id) {
        if (id < 0 || id >= types.size()) {
            throw new IllegalArgumentException("event catalog: no type " + id + " (" + types.size() + " registered)");
        }
        return types.get(id);
    }

    /** The id of {@code text}, the same for equal texts: the data word of a {@code %s}. */
    public synchronized int intern(String text) {
        Integer id = stringIds.get(text);
        if (id != null) {
            return id;
        }
        strings.add(text);
        stringIds.put(text, strings.size() - 1);
        return strings.size() - 1;
    }

    /** The string interned as {@code id}, or a marker naming the id if there is none. */
    public synchronized String string(long id) {
        return id >= 0 && id < strings.size() ? strings.get((int) id) : "<no string " + id + ">";
    }
}
