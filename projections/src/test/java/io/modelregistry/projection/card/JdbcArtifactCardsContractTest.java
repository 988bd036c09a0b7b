package io.modelregistry.projection.card;

import io.modelregistry.projection.card.jdbc.JdbcArtifactCards;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded card read model (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcArtifactCardsContractTest extends ArtifactCardsContract<JdbcArtifactCards> {

    @Override
    protected JdbcArtifactCards newStore() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:cards-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-cards.sql")).execute(dataSource);
        return new JdbcArtifactCards(new JdbcTemplate(dataSource));
    }
}
