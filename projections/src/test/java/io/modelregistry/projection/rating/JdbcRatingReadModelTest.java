package io.modelregistry.projection.rating;

import io.modelregistry.projection.rating.jdbc.JdbcRatingReadModel;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The embedded ratings read model (H2 in memory, a fresh database per test) against the port's contract. */
class JdbcRatingReadModelTest extends RatingReadModelContract<JdbcRatingReadModel> {

    @Override
    protected JdbcRatingReadModel newStore() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-ratings.sql")).execute(dataSource);
        return new JdbcRatingReadModel(new JdbcTemplate(dataSource));
    }
}
