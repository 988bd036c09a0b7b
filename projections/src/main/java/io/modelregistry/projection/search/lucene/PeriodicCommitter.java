package io.modelregistry.projection.search.lucene;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Commits the search index about once a second when it changed (a commit fsyncs, too slow per event), and
 * refreshes readers after replays, which skip the per-event refresh, so the first read after a replay does not
 * pay for it. Its own thread: the launcher need not enable Spring scheduling.
 */
@Component
@ConditionalOnProperty(name = "registry.read-models", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(LuceneSearchProperties.class)
class PeriodicCommitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicCommitter.class);

    private final SearchIndex index;
    private final Duration interval;
    private ScheduledExecutorService executor;

    PeriodicCommitter(SearchIndex index, LuceneSearchProperties properties) {
        this.index = index;
        this.interval = properties.commitInterval();
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "search-index-commit");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(interval.toMillis(), 1);
        executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            index.refreshIfStale();
            index.commitIfChanged();
        } catch (RuntimeException e) {
            // keep the schedule alive: the next tick retries, and close() commits in any case
            log.warn("Periodic search index commit failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Search index commit thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        tick();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return SearchLifecycle.BEFORE_EVENT_PROCESSORS;
    }
}
