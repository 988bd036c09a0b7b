package io.modelregistry.projection.search;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon settings of the search processing group that its correctness depends on. */
@Configuration(proxyBeanMethods = false)
class SearchProcessingConfiguration {

    /**
     * Axon's default logs a handler's exception and moves the token on, so a failed index write (disk full, I/O
     * error) would silently leave the artifact out of search. Propagating makes the processor retry the batch
     * with back-off until the write succeeds; the launcher's wait for the processors then reports the stall.
     */
    @Bean
    ConfigurerModule searchProcessingGroupErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                SearchProjection.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
