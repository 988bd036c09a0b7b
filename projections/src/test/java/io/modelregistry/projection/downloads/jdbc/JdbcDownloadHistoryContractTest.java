package io.modelregistry.projection.downloads.jdbc;

import io.modelregistry.api.download.DownloadHistory;
import io.modelregistry.api.download.DownloadHistoryWriter;
import io.modelregistry.projection.downloads.DownloadHistoryContract;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded download history (H2 tables) holds the port's contract. */
class JdbcDownloadHistoryContractTest extends DownloadHistoryContract {

    private JdbcDownloadHistory store;

    @Override
    protected DownloadHistory freshHistory() {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:downloads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-downloads.sql")).execute(dataSource);
        store = new JdbcDownloadHistory(new JdbcTemplate(dataSource));
        return store;
    }

    @Override
    protected DownloadHistoryWriter writer() {
        return store;
    }
}
