package io.modelregistry.server.axon.jdbc;

import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Tells the connection pools to drop every connection whose H2 database has closed itself. H2 closes an embedded
 * database when a write to its file fails (a full disk, an I/O error) so as not to corrupt it; every pooled
 * connection then answers "the database has been closed", and a pool, which evicts only on SQL states it knows as
 * connection failures, would hand those dead connections out for ever. H2 keeps the closed database's file locked
 * while any session of it is open, so one dead connection left idle in any pool keeps every new connection out
 * ("the file is locked"): the first such failure therefore empties every pool of this process (each registers itself
 * in JMX, {@code register-mbeans}) and has the connection the group commit holds out of the pool closed; new
 * connections open the database again once there is room to write.
 */
public class ClosedH2ConnectionEviction implements SQLExceptionOverride {

    /** H2's DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN. */
    private static final int CLOSED = 90098;
    private static final int CLOSING = 90121;

    /** Holders of a connection kept out of the pool, which soft eviction cannot reach (the group commit's). */
    private static final java.util.Set<Runnable> HOLDERS = new java.util.concurrent.CopyOnWriteArraySet<>();

    /** {@code dropHeld} closes a connection its owner keeps out of the pool, when a database is found closed. */
    static void onDatabaseClosed(Runnable dropHeld) {
        HOLDERS.add(dropHeld);
    }

    static void forget(Runnable dropHeld) {
        HOLDERS.remove(dropHeld);
    }

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == CLOSED || sql.getErrorCode() == CLOSING)) {
                softEvictEveryPool();
                HOLDERS.forEach(Runnable::run);
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }

    /** Connections in use are closed when they are returned, idle ones at once. */
    private static void softEvictEveryPool() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (ObjectName pool : server.queryNames(new ObjectName("com.zaxxer.hikari:type=Pool (*"), null)) {
                JMX.newMXBeanProxy(server, pool, HikariPoolMXBean.class).softEvictConnections();
            }
        } catch (MalformedObjectNameException | RuntimeException e) {
            // the failing connection itself is still evicted; the others are when they fail in turn
        }
    }
}
