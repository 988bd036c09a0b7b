package io.modelregistry.projection.consistency;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link StopAfterRepeatedFailures} as the default for every processing group and processor. Axon's own
 * default logs a failed handler and moves the token on, which would silently drop a directory row or an audit
 * entry; a group that registers its own handler keeps it (search propagates, which ends in the same policy).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsistencyProperties.class)
class ProjectionFailurePolicy {

    @Bean
    ConfigurerModule stopFailedProjections(ProjectionFailures failures, ConsistencyProperties properties,
                                             ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return configurer -> apply(configurer, failures, properties.maxAttempts(), time);
    }

    static void apply(org.axonframework.config.Configurer configurer, ProjectionFailures failures, int maxAttempts,
                      Clock clock) {
        configurer.eventProcessing(processing -> {
            processing.registerDefaultListenerInvocationErrorHandler(config -> new StopAfterRepeatedFailures(
                    config::eventProcessingConfiguration, failures, maxAttempts, clock));
            processing.registerDefaultErrorHandler(config -> new StopAfterRepeatedFailures(
                    config::eventProcessingConfiguration, failures, maxAttempts, clock));
        });
    }
}
