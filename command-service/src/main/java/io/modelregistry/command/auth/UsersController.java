package io.modelregistry.command.auth;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Extension: user management (register, list, change permissions, remove); see registry-extensions.yaml. */
@RestController
class UsersController {

    private static final int MAX_PAGE = 1000;
    private static final int MAX_NAME_PARAM = 1024;
    private static final String PERMISSIONS_SHAPE = "\"permissions\" is a list of \"upload\", \"search\", \"download\".";
    private final UserManagement users;

    UsersController(UserManagement users) {
        this.users = users;
    }

    @Requires(Access.ADMIN)
    @PostMapping(path = "/users", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) JsonNode body,
                                                 @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        JsonNode user = body == null ? null : body.get("user");
        JsonNode secret = body == null ? null : body.get("secret");
        JsonNode name = user == null ? null : user.get("name");
        JsonNode admin = user == null ? null : user.get("is_admin");
        JsonNode password = secret == null ? null : secret.get("password");
        if (name == null || !name.isTextual() || admin == null || !admin.isBoolean() || password == null
                || !password.isTextual() || body.get("permissions") == null) {
            throw ErrorMessage.AUTH_BODY_MUST_USER_NAME.exception();
        }
        var created = users.register(actor, name.asText(), password.asText(), admin.asBoolean(),
                permissions(body.get("permissions")));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(view(created));
    }

    @Requires(Access.ADMIN)
    @GetMapping(path = "/users", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> list(@RequestParam(name = "offset", required = false) String offsetParam,
                                   @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        int offset;
        try {
            offset = offsetParam == null ? 0 : Integer.parseInt(offsetParam);
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (offset < 0 || offset > UserManagement.MAX_USERS) {
            throw ErrorMessage.AUTH_OFFSET_WHOLE_NUMBER_0.exception(UserManagement.MAX_USERS);
        }
        return users.list(actor, offset, MAX_PAGE).stream().map(UsersController::view).toList();
    }

    /** A user may remove itself, an administrator anyone (checked by {@link UserManagement}). */
    @Requires(Access.AUTHENTICATED)
    @DeleteMapping(path = "/users/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> remove(@PathVariable("name") String name,
                                @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        users.remove(actor, boundedName(name));
        return ResponseEntity.noContent().build();
    }

    @Requires(Access.ADMIN)
    @PutMapping(path = "/users/{name}/permissions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> changePermissions(@PathVariable("name") String name,
                                          @RequestBody(required = false) JsonNode body,
                                          @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        JsonNode admin = body == null ? null : body.get("is_admin");
        if (admin == null || !admin.isBoolean() || body.get("permissions") == null) {
            throw ErrorMessage.AUTH_BODY_MUST_ADMIN_FALSE.exception();
        }
        return view(users.changePermissions(actor, boundedName(name), admin.asBoolean(),
                permissions(body.get("permissions"))));
    }

    private static String boundedName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_PARAM) {
            throw ErrorMessage.AUTH_USER_NAME_1_128.exception();
        }
        return name;
    }

    private static Set<Permission> permissions(JsonNode list) {
        if (!list.isArray() || list.size() > Permission.values().length * 4) {
            throw ErrorMessage.AUTH_PERMISSIONS_SHAPE.exception();
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw ErrorMessage.AUTH_PERMISSIONS_SHAPE.exception();
            }
            permissions.add(Permission.fromWire(item.asText())
                    .orElseThrow(() -> ErrorMessage.AUTH_PERMISSIONS_SHAPE.exception()));
        }
        return permissions;
    }

    static Map<String, Object> view(UserAccount account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", account.username());
        user.put("is_admin", account.admin());
        user.put("permissions", account.permissions().stream().sorted().map(Permission::wireName).toList());
        return user;
    }
}
