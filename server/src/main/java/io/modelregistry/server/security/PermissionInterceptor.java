package io.modelregistry.server.security;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks, before any handler runs, what the handler declares with {@link Requires} against the caller the token
 * filter authenticated. Fails closed three ways: a handler without {@code @Requires} is refused (and logged as the
 * programming error it is); a non-public handler reached without an authenticated caller (a path the filter left
 * open by mistake) is refused as unauthenticated; and the caller's permissions are the account's current ones.
 * Static resources are not handler methods: the token filter alone guards them; Spring's own error controller is
 * the one mapping without {@code @Requires}.
 */
@Component
public class PermissionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);

    /** The message of a refusal by this check (tests tell it from a handler's own 401 by it). */
    public static String refusal(Access access) {
        return ErrorMessage.SECURITY_PERMISSION_REQUIRED.render(access.describe());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (ErrorController.class.isAssignableFrom(method.getBeanType())) {
            // Spring's /error renders the error of a request that was already refused or failed: nothing to guard
            return true;
        }
        Requires requires = method.getMethodAnnotation(Requires.class);
        if (requires == null) {
            log.error("Refused {} {}: handler {} declares no @Requires", request.getMethod(), request.getRequestURI(),
                    method.getShortLogMessage());
            throw ErrorMessage.SECURITY_ENDPOINT_DECLARES_PERMISSION_SO.exception();
        }
        Access access = requires.value();
        if (access == Access.PUBLIC) {
            return true;
        }
        Object actor = request.getAttribute(RequestActor.ATTRIBUTE);
        Object permissions = request.getAttribute(RequestActor.PERMISSIONS);
        if (!(actor instanceof Actor caller) || !(permissions instanceof Set<?> granted)) {
            throw ErrorMessage.SECURITY_AUTHENTICATION_FAILED_X_AUTHORIZATION.exception();
        }
        @SuppressWarnings("unchecked")
        Set<Permission> callerPermissions = (Set<Permission>) granted;
        if (!access.allows(caller.admin(), callerPermissions)) {
            throw ErrorMessage.SECURITY_PERMISSION_REQUIRED.exception(access.describe());
        }
        return true;
    }
}
