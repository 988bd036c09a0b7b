package io.modelregistry.projection.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;

/** The search processing group's Axon settings, whichever adapter stores the index. */
class SearchProcessingConfigurationTest {

    @Test
    void handlerErrorsOfTheSearchGroupPropagateSoTheProcessorRetries() {
        ConfigurerModule module = new SearchProcessingConfiguration().searchProcessingGroupErrorHandling();
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        module.configureModule(configurer);
        assertThat(configurer.buildConfiguration().eventProcessingConfiguration()
                .listenerInvocationErrorHandler(SearchProjection.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
    }
}
