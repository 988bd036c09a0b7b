package io.modelregistry.command.blob;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the blob sweep every {@link BlobSweepSettings#sweepInterval()}, on one daemon thread, the first an interval after start. */
@Component
class BlobSweepSchedule implements SmartLifecycle {

    private final BlobSweeper sweeper;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    BlobSweepSchedule(BlobSweeper sweeper, BlobSweepSettings settings) {
        this.sweeper = sweeper;
        this.interval = settings.sweepInterval();
    }

    @Override
    public void start() {
        if (interval.isZero()) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "blob-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> sweeper.sweepQuietly("scheduled"), millis, millis,
                TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
