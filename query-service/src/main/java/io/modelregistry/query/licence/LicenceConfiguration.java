package io.modelregistry.query.licence;

import io.modelregistry.licence.CompatibilityEngine;
import io.modelregistry.licence.LicenceCatalogue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The licence table and the compatibility engine as beans. The {@code licences} module is plain Java; this is
 * where the query side wires it. The table is the one the rating reads ({@link LicenceCatalogue#standard()}),
 * loaded and validated when the context starts, so a bad edit of {@code licences.yaml} stops start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LicenceCheckProperties.class)
class LicenceConfiguration {

    @Bean
    LicenceCatalogue licenceCatalogue() {
        return LicenceCatalogue.standard();
    }

    @Bean
    CompatibilityEngine compatibilityEngine() {
        return new CompatibilityEngine();
    }
}
