package io.modelregistry.command.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the authentication settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LoginBackoffSettings.class, PasswordHashSettings.class})
class AuthConfiguration {
}
