package io.modelregistry.server.axon.jdbc;

import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Tells the connection pool to drop a connection whose H2 database has closed itself. H2 closes an embedded database
 * when a write to its file fails (a full disk, an I/O error) so as not to corrupt it; every pooled connection then
 * answers "the database has been closed", and the pool, which evicts only on SQL states it knows as connection
 * failures, would hand those dead connections out for ever. Evicted, they are replaced by new connections, which
 * open the database again where H2 has let go of it. Known gap: after a full disk, the test still sees the database
 * closed once space is freed, so something keeps a session of it open; a restart recovers it.
 */
public class ClosedH2ConnectionEviction implements SQLExceptionOverride {

    /** H2's DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN. */
    private static final int CLOSED = 90098;
    private static final int CLOSING = 90121;

    /**
     * The pools to empty when one connection finds its database closed: H2 keeps a closed database registered while
     * any session of it is open, so new connections would attach to it until every old one is gone.
     */
    private static final Set<HikariDataSource> POOLS = new CopyOnWriteArraySet<>();

    /** Registers {@code pool} to be emptied of every connection once one of them finds the database closed. */
    public static void watch(HikariDataSource pool) {
        POOLS.add(pool);
    }

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == CLOSED || sql.getErrorCode() == CLOSING)) {
                POOLS.forEach(pool -> {
                    if (pool.getHikariPoolMXBean() != null) {
                        pool.getHikariPoolMXBean().softEvictConnections();
                    }
                });
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
