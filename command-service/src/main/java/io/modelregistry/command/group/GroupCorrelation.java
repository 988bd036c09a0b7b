package io.modelregistry.command.group;

import io.modelregistry.api.group.GroupMetadata;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Marks every event a group's execution appends with the group id: the command carries it, and Axon copies it onto
 * each event of the command's unit of work. Read models skip marked events where they stand and apply them at the
 * group's commit marker. Declaring a provider replaces Axon's default one, so the message origin (correlation and
 * trace ids) is declared here too.
 */
@Configuration(proxyBeanMethods = false)
class GroupCorrelation {

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider groupMarker() {
        return new CorrelationDataProvider() {
            @Override
            public Map<String, ?> correlationDataFor(Message<?> message) {
                Object group = message.getMetaData().get(GroupMetadata.GROUP);
                return group == null ? Map.of() : Map.of(GroupMetadata.GROUP, group);
            }
        };
    }
}
