package io.modelregistry.server.stores;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds (and validates) the adapter choice as a typed bean, for code that needs to know which adapters run. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreSelection.class)
class StoreSelectionConfiguration {
}
