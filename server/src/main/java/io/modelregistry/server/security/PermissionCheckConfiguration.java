package io.modelregistry.server.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the permission check first of all interceptors: a refused request waits for nothing and reads nothing. */
@Configuration(proxyBeanMethods = false)
class PermissionCheckConfiguration implements WebMvcConfigurer {

    private final PermissionInterceptor permissions;

    PermissionCheckConfiguration(PermissionInterceptor permissions) {
        this.permissions = permissions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(permissions).order(Ordered.HIGHEST_PRECEDENCE);
    }
}
