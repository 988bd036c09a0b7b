package io.modelregistry.server.axon.jdbc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** A 2xx means durable: the settings of the H2 group commit ({@code registry.durability.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DurabilityProperties.class)
class DurabilitySetup {
}
