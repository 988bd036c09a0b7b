package io.modelregistry.server.axon.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write delay each mode sets on the H2 file, and the fsync shared by writers that wait at the same time. */
class H2GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void eachModeSetsTheWriteDelayItNeedsAndOnlyFsyncModesForceTheFile() throws Exception {
        for (var mode : DurabilityProperties.Commit.values()) {
            var counting = new CountingCheckpoints(h2(mode.name()), 0);
            H2GroupCommit commit = new H2GroupCommit(counting.dataSource(), new DurabilityProperties(mode));
            commit.afterPropertiesSet();
            commit.awaitDurable();
            boolean forces = mode == DurabilityProperties.Commit.FSYNC;
            assertThat(commit.enabled()).as("%s forces the file", mode).isEqualTo(forces);
            assertThat(counting.checkpoints.get()).as("%s runs CHECKPOINT SYNC", mode).isEqualTo(forces ? 1 : 0);
            assertThat(writeDelay(counting.dataSource())).as("%s write delay", mode)
                    .isEqualTo(mode == DurabilityProperties.Commit.DELAYED ? 500 : 0);
            commit.destroy();
        }
    }

    @Test
    void writersThatWaitAtTheSameTimeShareOneFsync() throws Exception {
        // each fsync takes 20 ms here, so the 32 writers released together mostly find one running
        var slow = new CountingCheckpoints(h2("group"), 20);
        H2GroupCommit commit = new H2GroupCommit(slow.dataSource(), new DurabilityProperties(
                DurabilityProperties.Commit.FSYNC));
        commit.afterPropertiesSet();
        int writers = 32;
        int writesEach = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int w = 0; w < writesEach; w++) {
                    commit.awaitDurable();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int calls = writers * writesEach;
        assertThat(commit.syncs()).isEqualTo(slow.checkpoints.get()).isGreaterThanOrEqualTo(writesEach)
                .isLessThanOrEqualTo(calls / 4);
        assertThat(commit.sharedWaits()).isPositive();
        commit.destroy();
    }

    private DataSource h2(String name) throws Exception {
        Files.createDirectories(dir);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("registry");
        h2.setPassword("");
        return h2;
    }

    private static int writeDelay(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    /** A data source that counts (and may slow down) the CHECKPOINT SYNC statements run through it. */
    private static final class CountingCheckpoints {
        final AtomicInteger checkpoints = new AtomicInteger();
        private final DataSource target;
        private final long delayMillis;

        CountingCheckpoints(DataSource target, long delayMillis) {
            this.target = target;
            this.delayMillis = delayMillis;
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection connection ? connection(connection) : result;
                    });
        }

        private Connection connection(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(connection, method, args);
                        return result instanceof Statement statement ? statement(statement) : result;
                    });
        }

        private Statement statement(Statement statement) {
            return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("execute") && args != null && "CHECKPOINT SYNC".equals(args[0])) {
                            checkpoints.incrementAndGet();
                            Thread.sleep(delayMillis);
                        }
                        return invoke(statement, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
