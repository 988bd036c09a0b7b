package io.modelregistry.server.security;

import io.modelregistry.command.auth.AuthenticationService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the default admin at first start (login also does it lazily, in case a request comes first). */
@Component
class DefaultAdminBootstrap implements ApplicationRunner {

    private final AuthenticationService auth;

    DefaultAdminBootstrap(AuthenticationService auth) {
        this.auth = auth;
    }

    @Override
    public void run(ApplicationArguments args) {
        auth.ensureDefaultAdmin();
    }
}
