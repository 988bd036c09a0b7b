package io.modelregistry.server.axon.jdbc;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A 2xx means durable: appends to the JDBC event store are forced to disk before they are acknowledged. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DurabilityProperties.class)
class DurabilitySetup {

    /**
     * Wraps whichever JDBC storage engine the configuration built (Axon's auto-configuration or our own), so the
     * rule holds however the engine is assembled; other engines bring their own durability.
     */
    @Bean
    static BeanPostProcessor durableJdbcAppends(ObjectProvider<H2GroupCommit> commit) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcEventStorageEngine engine) {
                    return (EventStorageEngine) new DurableAppends(engine, commit::getObject);
                }
                return bean;
            }
        };
    }
}
