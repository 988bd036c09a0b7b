package io.modelregistry.server.stores;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class NodeLocalReadModelsOnASharedLogTest {

    private static String readsAwaitHead(MockEnvironment environment) {
        new NodeLocalReadModelsOnASharedLog().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(NodeLocalReadModelsOnASharedLog.PROPERTY);
    }

    @Test
    void readsCatchUpWithTheLogsHeadWhenEachNodeBuildsItsOwnReadModelsFromTheSharedLog() {
        assertThat(readsAwaitHead(new MockEnvironment().withProperty("registry.event-store", " DynamoDB ")))
                .isEqualTo("true");
    }

    @Test
    void theEmbeddedDefaultAndSharedReadModelsLeaveReadsAsTheyAre() {
        assertThat(readsAwaitHead(new MockEnvironment())).isNull();
        assertThat(readsAwaitHead(new MockEnvironment().withProperty("registry.event-store", "dynamodb")
                .withProperty("registry.read-models", "opensearch"))).isNull();
    }

    @Test
    void anOperatorsOwnSettingWins() {
        assertThat(readsAwaitHead(new MockEnvironment().withProperty("registry.event-store", "dynamodb")
                .withProperty(NodeLocalReadModelsOnASharedLog.PROPERTY, "false"))).isEqualTo("false");
    }
}
