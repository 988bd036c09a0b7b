package io.modelregistry.projection.timetravel;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactDocumentStore;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.projection.audit.AuditTrailProjection;
import io.modelregistry.projection.directory.ArtifactDirectoryProjection;
import io.modelregistry.projection.group.GroupMemberSkip;
import io.modelregistry.projection.group.GroupMembers;
import io.modelregistry.projection.lineage.LineageGraphs;
import io.modelregistry.projection.lineage.LineageProjection;
import io.modelregistry.projection.lineage.LineageReadModel;
import io.modelregistry.projection.rating.RatingProjection;
import io.modelregistry.projection.search.SearchProjection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Answers reads "as of" a past instant: replays the event log, from its first event up to the last one stamped at or
 * before that instant, through new instances of the live projections (the same handler code, so the same rules) into
 * a private {@link ReplayStore} (and {@link ReplaySearch}), and hands back its read models. A replay is bounded
 * ({@link TimeTravelProperties}): at most {@code max-events} events (413 beyond), at most {@code timeout} (503
 * beyond), at most {@link #MAX_CONCURRENT_REPLAYS} at once (503 beyond). The last {@link #CACHED_REPLAYS} are kept, so
 * paging through one moment, or reading several endpoints at it, replays once.
 */
@Component
@EnableConfigurationProperties(TimeTravelProperties.class)
public class TimeTravel {

    /** The query parameter of every read that can travel in time. */
    public static final String PARAMETER = "as_of";
    static final int CACHED_REPLAYS = 4;
    static final int MAX_CONCURRENT_REPLAYS = 2;
    /**
     * Only a moment this far back is cached: an event stamped just before a recent moment may still be on its way
     * into the log (stamped before it is appended), so a replay of the last seconds is not final.
     */
    static final Duration SETTLED = Duration.ofMinutes(1);

    private final EventStorageEngine events;
    private final EventStore store;
    private final ReplayStore.Factory stores;
    private final ReplaySearch.Factory searches;
    private final ArtifactDocumentStore documents;
    private final Clock clock;
    private final long maxEvents;
    private final Duration timeout;
    private final Semaphore replays = new Semaphore(MAX_CONCURRENT_REPLAYS);
    /** Keyed by the instant asked for; a replay of a past instant stays right while no event is stamped before it. */
    private final Map<Instant, PastReadModels> cache = new LinkedHashMap<>(8, 0.75f, true);
    private final Map<PastReadModels, Runnable> open = new LinkedHashMap<>();
    /** How to close the last replay that was not cached (a request may still be reading it). */
    private Runnable unsettled;

    @Autowired
    public TimeTravel(EventStorageEngine events, EventStore store, ReplayStore.Factory stores,
                      ReplaySearch.Factory searches, ArtifactDocumentStore documents,
                      TimeTravelProperties properties) {
        this(events, store, stores, searches, documents, Clock.systemUTC(), properties.maxEvents(),
                properties.timeout());
    }

    public TimeTravel(EventStorageEngine events, EventStore store, ReplayStore.Factory stores,
                      ReplaySearch.Factory searches, ArtifactDocumentStore documents, Clock clock, long maxEvents,
                      Duration timeout) {
        this.events = events;
        this.store = store;
        this.stores = stores;
        this.searches = searches;
        this.documents = documents;
        this.clock = clock;
        this.maxEvents = maxEvents;
        this.timeout = timeout;
    }

    /**
     * An {@code as_of} value: an ISO-8601 instant ({@code 2026-12-03T08:00:00Z}, or with an offset).
     *
     * @throws RegistryException BAD_REQUEST when it is not one
     */
    public static Instant parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > 64) {
            throw ErrorMessage.TIMETRAVEL_MUST_ISO_8601_INSTANT.exception();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ErrorMessage.TIMETRAVEL_MUST_ISO_8601_INSTANT_SUCH.exception(text);
        }
    }

    /** The read models at the instant {@code asOf} names (see {@link #parse}). */
    public PastReadModels at(String asOf) {
        return at(parse(asOf));
    }

    /**
     * The read models at {@code asOf}.
     *
     * @throws RegistryException BAD_REQUEST when it is in the future or before the log's first event (or the log is
     *         empty); PAYLOAD_TOO_LARGE when more events than the bound precede it; UNAVAILABLE when the replay ran
     *         out of time or too many replays are running
     */
    public PastReadModels at(Instant asOf) {
        Instant now = clock.instant();
        if (asOf.isAfter(now)) {
            throw ErrorMessage.TIMETRAVEL_FUTURE_REGISTRY_S_TIME.exception(asOf, now);
        }
        synchronized (cache) {
            PastReadModels cached = cache.get(asOf);
            if (cached != null) {
                return cached;
            }
        }
        if (!replays.tryAcquire()) {
            throw ErrorMessage.TIMETRAVEL_TOO_MANY_READS_BEING.exception(MAX_CONCURRENT_REPLAYS);
        }
        try {
            PastReadModels past = replay(asOf);
            return asOf.isBefore(now.minus(SETTLED)) ? remember(past) : forgetLater(past);
        } finally {
            replays.release();
        }
    }

    private PastReadModels replay(Instant asOf) {
        ReplayStore replay = stores.open();
        ReplaySearch search;
        try {
            search = searches.open();
        } catch (RuntimeException e) {
            replay.close();
            throw e;
        }
        try {
            GroupMembers members = new GroupMembers(store);
            List<AnnotationEventHandlerAdapter> projections = Stream.of(
                    new ArtifactDirectoryProjection(replay.directory(), replay.directoryWriter()),
                    new AuditTrailProjection(replay.auditWriter()),
                    new RatingProjection(replay.ratingsWriter()),
                    new LineageProjection(replay.lineage(), replay.lineageWriter()),
                    new SearchProjection(search.writer(), documents))
                    .map(members::adapter).toList();
            long deadline = System.nanoTime() + timeout.toNanos();
            long replayed = 0;
            Instant first = null;
            try (Stream<? extends TrackedEventMessage<?>> log = events.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> it = log.iterator();
                while (it.hasNext()) {
                    TrackedEventMessage<?> event = it.next();
                    if (first == null) {
                        first = event.getTimestamp();
                        if (asOf.isBefore(first)) {
                            throw ErrorMessage.TIMETRAVEL_BEFORE_REGISTRY_S_FIRST.exception(asOf, first);
                        }
                    }
                    if (event.getTimestamp().isAfter(asOf)) {
                        break;
                    }
                    if (++replayed > maxEvents) {
                        throw ErrorMessage.TIMETRAVEL_READING_WOULD_REPLAY_MORE.exception(asOf, maxEvents);
                    }
                    if (System.nanoTime() > deadline) {
                        throw ErrorMessage.TIMETRAVEL_REPLAY_UP_TOOK_LONGER.exception(asOf, readable(timeout), replayed);
                    }
                    if (GroupMemberSkip.skippedWhereItStands(event)) {
                        continue;
                    }
                    for (AnnotationEventHandlerAdapter projection : projections) {
                        if (projection.canHandle(event)) {
                            projection.handle(event);
                        }
                    }
                }
            }
            if (first == null) {
                throw ErrorMessage.TIMETRAVEL_REGISTRY_EVENTS_YET_THERE.exception();
            }
            LineageReadModel lineage = new LineageReadModel(replay.lineage());
            PastReadModels past = new PastReadModels(asOf, replayed, replay.directory(), search.search(),
                    replay.audit(), replay.ratings(), lineage, new LineageGraphs(lineage));
            synchronized (cache) {
                open.put(past, () -> {
                    search.close();
                    replay.close();
                });
            }
            return past;
        } catch (RegistryException e) {
            search.close();
            replay.close();
            throw e;
        } catch (Exception e) {
            search.close();
            replay.close();
            throw new IllegalStateException("The replay up to " + asOf + " failed", e);
        }
    }

    /** An unsettled replay is not cached; it is closed when the next replay is cached or closed in its turn. */
    private PastReadModels forgetLater(PastReadModels past) {
        synchronized (cache) {
            Runnable previous = unsettled;
            unsettled = open.remove(past);
            if (previous != null) {
                previous.run();
            }
        }
        return past;
    }

    private PastReadModels remember(PastReadModels past) {
        synchronized (cache) {
            cache.put(past.asOf(), past);
            Iterator<Map.Entry<Instant, PastReadModels>> oldest = cache.entrySet().iterator();
            while (cache.size() > CACHED_REPLAYS && oldest.hasNext()) {
                PastReadModels evicted = oldest.next().getValue();
                oldest.remove();
                Runnable close = open.remove(evicted);
                if (close != null) {
                    close.run();
                }
            }
        }
        return past;
    }

    private static String readable(Duration bound) {
        if (bound.toMillis() == 0) {
            return bound.toNanos() + " ns";
        }
        return bound.toMillis() % 1000 == 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
    }
}
