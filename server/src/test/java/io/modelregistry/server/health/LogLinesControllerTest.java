package io.modelregistry.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.error.RegistryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLinesControllerTest {

    private final RecentLogLines logs = new RecentLogLines();
    private final LogLinesController controller = new LogLinesController(logs);

    @Test
    void aUserWhoIsNotAnAdministratorMayNotReadTheLog() {
        assertThatThrownBy(() -> controller.logs(null, null, null, new Actor("alice", false)))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.NOT_PERMITTED));
    }

    @Test
    void theNewestLinesComeFirstFilteredByLevelAndTextAndLongMessagesAreCut() {
        try {
            var log = LoggerFactory.getLogger("test.recent-lines");
            log.info("first needle line");
            log.warn("second needle line");
            log.info("unrelated");
            log.error("x".repeat(RecentLogLines.MAX_MESSAGE + 50));
            // only this test's logger: the other tests of this JVM leave processors behind that log too
            List<?> warnOrWorse = lines(controller.logs("warn", null, "10", new Actor("admin", true))).stream()
                    .filter(line -> "test.recent-lines".equals(((Map<?, ?>) line).get("logger"))).toList();
            assertThat(warnOrWorse).hasSize(2);
            List<?> needles = lines(controller.logs("INFO", "NEEDLE", "10", new Actor("admin", true)));
            assertThat(needles).hasSize(2);
            assertThat(((Map<?, ?>) needles.get(0)).get("message")).isEqualTo("second needle line");
            Map<?, ?> cut = (Map<?, ?>) warnOrWorse.get(0);
            assertThat(((String) cut.get("message"))).hasSize(RecentLogLines.MAX_MESSAGE + 1).endsWith("…");
        } finally {
            logs.detach();
        }
    }

    @Test
    void badFiltersAreRefusedWithAMessage() {
        try {
            Actor admin = new Actor("admin", true);
            assertThatThrownBy(() -> controller.logs("LOUD", null, null, admin)).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("level");
            assertThatThrownBy(() -> controller.logs(null, null, "0", admin)).hasMessageContaining("limit");
            assertThatThrownBy(() -> controller.logs(null, "q".repeat(201), null, admin)).hasMessageContaining("q must");
        } finally {
            logs.detach();
        }
    }

    private static List<?> lines(Map<String, Object> body) {
        return (List<?>) body.get("lines");
    }
}
