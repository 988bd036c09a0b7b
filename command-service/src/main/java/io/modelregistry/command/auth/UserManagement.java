package io.modelregistry.command.auth;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Registers, lists, changes and removes users. The rules: only an administrator registers users or changes
 * permissions; a user may remove itself, an administrator anyone; the registry is never left without an
 * administrator (409). Changes that read the store before writing it (duplicate name, last administrator) are
 * serialized on this node by one lock held until the command's transaction commits.
 */
@Service
public class UserManagement {

    /** Password length policy, in code points: see docs/decisions/0071-permissions-token-revocation-and-backoff.md. */
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 256;
    static final int MAX_USERS = 100_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

    private final UserAccountStore users;
    private final PasswordHasher hasher;
    private final CommandGateway commands;
    private final ReentrantLock lock = new ReentrantLock();

    UserManagement(UserAccountStore users, PasswordHasher hasher, CommandGateway commands) {
        this.users = users;
        this.hasher = hasher;
        this.commands = commands;
    }

    public UserAccount register(Actor by, String username, String password, boolean admin, Set<Permission> permissions) {
        requireAdmin(by, "register users");
        if (username == null || !NAME.matcher(username).matches()) {
            throw ErrorMessage.AUTH_USER_NAME_1_128_CHARACTERS.exception();
        }
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw ErrorMessage.AUTH_PASSWORD_CHARACTERS_LONG.exception(MIN_PASSWORD, MAX_PASSWORD);
        }
        // hashed before the lock: Argon2 takes tens of milliseconds and needs no shared state
        String hash = hasher.hash(password);
        return locked(() -> {
            if (users.find(username).isPresent()) {
                throw ErrorMessage.AUTH_USER_NAMED_ALREADY_EXISTS.exception(username);
            }
            commands.sendAndWait(new AuthCommands.RegisterUser(username, hash, admin, permissions));
            return users.find(username).orElseThrow();
        });
    }

    public List<UserAccount> list(Actor by, int offset, int limit) {
        requireAdmin(by, "list users");
        return users.list(offset, limit);
    }

    public UserAccount changePermissions(Actor by, String username, boolean admin, Set<Permission> permissions) {
        requireAdmin(by, "change permissions");
        return locked(() -> {
            commands.sendAndWait(new AuthCommands.ChangeUserPermissions(username, admin, permissions, by.username()));
            return users.find(username).orElseThrow();
        });
    }

    public void remove(Actor by, String username) {
        if (!by.admin() && !by.username().equals(username)) {
            throw ErrorMessage.AUTH_ADMINISTRATOR_MAY_REMOVE_ANOTHER.exception();
        }
        locked(() -> {
            commands.sendAndWait(new AuthCommands.RemoveUser(username, by.username()));
            return null;
        });
    }

    public Optional<UserAccount> find(String username) {
        return users.find(username);
    }

    private static void requireAdmin(Actor by, String what) {
        if (!by.admin()) {
            throw ErrorMessage.AUTH_ADMINISTRATOR_MAY.exception(what);
        }
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
