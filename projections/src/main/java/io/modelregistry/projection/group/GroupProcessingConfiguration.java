package io.modelregistry.projection.group;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every event processor skips group members where they stand: each projection applies them at the marker. */
@Configuration(proxyBeanMethods = false)
class GroupProcessingConfiguration {

    @Bean
    ConfigurerModule groupMembersAtTheirMarker() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (configuration, processorName) -> new GroupMemberSkip()));
    }
}
