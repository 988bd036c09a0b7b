package io.modelregistry.command.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.error.RegistryException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /authenticate}: exchange a user name and password for a bearer token. */
@RestController
class AuthController {

    private static final int MAX_FIELD = 1024;
    private final AuthenticationService auth;

    AuthController(AuthenticationService auth) {
        this.auth = auth;
    }

    @PutMapping(path = "/authenticate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> authenticate(@RequestBody(required = false) JsonNode body) {
        JsonNode user = body == null ? null : body.get("user");
        JsonNode secret = body == null ? null : body.get("secret");
        JsonNode name = user == null ? null : user.get("name");
        JsonNode password = secret == null ? null : secret.get("password");
        if (name == null || !name.isTextual() || password == null || !password.isTextual()
                || name.asText().isEmpty() || name.asText().length() > MAX_FIELD
                || password.asText().length() > MAX_FIELD) {
            throw RegistryException.badRequest(
                    "The body must be {\"user\": {\"name\": \"…\", \"is_admin\": …}, \"secret\": {\"password\": \"…\"}}.");
        }
        String token = auth.login(name.asText(), password.asText());
        // The contract's AuthenticationToken is a JSON string: the body is the quoted token.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("\"" + token + "\"");
    }
}
