package io.vecta.sdk.elog;

/**
 * A kind of event, registered once in the {@link EventCatalog} (VPP's {@code ELOG_TYPE_DECLARE}):
 * its id, which events carry instead of their text, its format and whether it opens or
 * closes a span of time on its track.
 *
 * @param id     index in the catalog; what an event stores
 * @param format how the event's data words print
 * @param span   what the event means on a timeline
 */
public record EventType(int id, EventFormat format, Span span) {

    /** What an event of the type means on a timeline, as a trace viewer draws it. */
    public enum Span {
        /** A point in time. */
        INSTANT,
        /** Opens a span on its track, closed by the next END of that track. */
        BEGIN,
        /** Closes the span its track's latest BEGIN opened. */
        END
    }
}
