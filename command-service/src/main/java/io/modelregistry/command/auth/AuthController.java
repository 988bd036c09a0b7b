package io.modelregistry.command.auth;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /authenticate}: exchange a user name and password for a bearer token; {@code GET /users/me}: who the
 * token in hand belongs to, so a client (the web UI) offers administrator actions only to administrators.
 */
@RestController
class AuthController {

    private static final int MAX_FIELD = 1024;
    private final AuthenticationService auth;

    AuthController(AuthenticationService auth) {
        this.auth = auth;
    }

    @Requires(Access.PUBLIC)
    @PutMapping(path = "/authenticate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> authenticate(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        JsonNode user = body == null ? null : body.get("user");
        JsonNode secret = body == null ? null : body.get("secret");
        JsonNode name = user == null ? null : user.get("name");
        JsonNode password = secret == null ? null : secret.get("password");
        if (name == null || !name.isTextual() || password == null || !password.isTextual()
                || name.asText().isEmpty() || name.asText().length() > MAX_FIELD
                || password.asText().length() > MAX_FIELD) {
            throw ErrorMessage.AUTH_BODY_MUST_USER_NAME_ADMIN.exception();
        }
        String token = auth.login(name.asText(), password.asText(), request.getRemoteAddr());
        // The contract's AuthenticationToken is a JSON string: the body is the quoted token.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("\"" + token + "\"");
    }

    @Requires(Access.AUTHENTICATED)
    @GetMapping(path = "/users/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> me(@RequestAttribute(RequestActor.ATTRIBUTE) Actor actor,
                           @RequestAttribute(RequestActor.PERMISSIONS) Set<Permission> permissions) {
        // The contract's User shape: a name and whether it is an administrator; never anything secret.
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", actor.username());
        user.put("is_admin", actor.admin());
        user.put("permissions", permissions.stream().sorted().map(Permission::wireName).toList());
        return user;
    }
}
