package io.modelregistry.server.axon.jdbc;

import io.modelregistry.server.axon.EventLogDurability;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes committed H2 transactions durable before they are acknowledged, with one fsync shared by every writer
 * that is waiting at the same time (group commit).
 *
 * <p>H2 2.x (MVStore) keeps committed changes in memory for up to {@code WRITE_DELAY} ms (default 500) before a
 * background thread writes them: a killed process loses them. With {@code WRITE_DELAY 0} a commit writes its
 * chunk to the file before it returns (enough for a killed process: the bytes are in the OS page cache), but H2
 * never forces the file to the device on commit; only {@code CHECKPOINT SYNC} does (it stores pending changes and
 * calls {@code FileChannel.force}). Here a writer whose transaction has committed calls {@link #awaitDurable()}:
 * if no fsync is running it runs one for everyone who asked so far; if one is running it waits for it and, as
 * that one may have started before its commit, for the next one, which then covers all who arrived meanwhile.
 *
 * <p>The fsync runs on a connection of its own, held outside the writers' transactions: a writer calls this
 * while its own pooled connection is still bound, and with every pooled connection held by a waiting writer a
 * second one from the pool would never come.
 */
@Component
class H2GroupCommit implements EventLogDurability, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2GroupCommit.class);
    private static final int H2_DEFAULT_WRITE_DELAY_MS = 500;

    private final DataSource dataSource;
    private final DurabilityProperties.Commit mode;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    private final LongAdder syncs = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private long requested;
    private long durable;
    private boolean syncing;
    private boolean h2;
    private volatile Connection connection;
    private final Runnable dropHeld = this::dropHeldConnection;
    private volatile String lastFailure;

    H2GroupCommit(DataSource dataSource, DurabilityProperties properties) {
        this.dataSource = dataSource;
        this.mode = properties.commit();
    }

    /** Sets the write delay, which H2 keeps in the database file, to what the configured mode needs. */
    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            h2 = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")
                    && c.getMetaData().getURL().startsWith("jdbc:h2:file:");
            if (h2) {
                int delay = mode == DurabilityProperties.Commit.DELAYED ? H2_DEFAULT_WRITE_DELAY_MS : 0;
                statement.execute("SET WRITE_DELAY " + delay);
                if (enabled()) {
                    connection = dataSource.getConnection(); // before any writer can hold the whole pool
                    ClosedH2ConnectionEviction.onDatabaseClosed(dropHeld);
                }
                log.info("H2 commits: {} (WRITE_DELAY {} ms{})", mode.name().toLowerCase(Locale.ROOT), delay,
                        enabled() ? ", flush and fsync before every acknowledged write" : "");
            }
        }
    }

    boolean enabled() {
        return h2 && mode == DurabilityProperties.Commit.FSYNC;
    }

    /**
     * Returns once everything committed before the call is on the device.
     *
     * @throws IllegalStateException when the fsync failed: the write must not be acknowledged
     */
    void awaitDurable() {
        if (!enabled()) {
            return;
        }
        lock.lock();
        try {
            long ticket = ++requested;
            while (durable < ticket) {
                if (syncing) {
                    waits.increment();
                    synced.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long covered = requested;
                RuntimeException failure = null;
                lock.unlock();
                try {
                    checkpointSync();
                } catch (SQLException | RuntimeException e) {
                    failure = new IllegalStateException("The event log could not be forced to disk", e);
                } finally {
                    lock.lock();
                    syncing = false;
                    synced.signalAll();
                }
                if (failure != null) {
                    lastFailure = failure.getCause().getClass().getSimpleName();
                    throw failure;
                }
                durable = Math.max(durable, covered);
                syncs.increment();
                lastFailure = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkpointSync() throws SQLException {
        // only the leader of a group gets here, one at a time: the connection is never shared
        try {
            forceOnce();
        } catch (SQLException first) {
            // The held connection may be one H2 closed (its database failed a write earlier, and was opened again
            // since): a force on a new connection covers every commit as well. A second failure is the store's.
            closeQuietly();
            try {
                forceOnce();
            } catch (SQLException second) {
                closeQuietly();
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private void forceOnce() throws SQLException {
        Connection held = connection;
        if (held == null || held.isClosed()) {
            held = dataSource.getConnection();
            held.setAutoCommit(true);
            connection = held;
        }
        try (Statement statement = held.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * Closes the held connection when a database was found closed: a session of the closed database keeps its file
     * locked, so it must go before any new connection can open it again; the next force takes a new one.
     */
    private void dropHeldConnection() {
        Connection held = connection;
        connection = null;
        if (held != null) {
            try {
                held.close();
            } catch (SQLException ignored) {
                // the pool replaces it
            }
        }
    }

    @Override
    public void recheck() {
        if (lastFailure != null) {
            try {
                awaitDurable();
            } catch (IllegalStateException stillFailing) {
                // lastFailure keeps the new failure's kind
            }
        }
    }

    @Override
    public long syncs() {
        return syncs.sum();
    }

    @Override
    public long sharedWaits() {
        return waits.sum();
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public String mode() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void destroy() {
        ClosedH2ConnectionEviction.forget(dropHeld);
        lock.lock();
        try {
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        dropHeldConnection();
    }
}
