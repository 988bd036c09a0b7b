package io.modelregistry.command.auth;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.auth.Permission;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Logs users in and checks bearer tokens. Tokens are 256 random bits; only their sha-256 is stored or
 * logged as an event. A token works for 10 hours or 1000 requests, whichever comes first.
 */
@Service
public class AuthenticationService {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(10);
    static final int TOKEN_MAX_USES = 1000;
    private static final String SCHEME = "bearer ";
    private static final int MAX_TOKEN_HEADER = 512;

    private final UserAccountStore users;
    private final AuthTokenStore tokens;
    private final PasswordHasher hasher;
    private final CommandGateway commands;
    private final LoginBackoff backoff;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    // Verified against when the user is unknown, so a login takes as long whether or not the name exists.
    private final String decoyHash;

    AuthenticationService(UserAccountStore users, AuthTokenStore tokens, PasswordHasher hasher, CommandGateway commands,
                          LoginBackoff backoff, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.commands = commands;
        this.backoff = backoff;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password-for-unknown-users");
    }

    /**
     * Verifies the credentials and returns a fresh token in the contract's form {@code "bearer <token>"}. Refused
     * with 429 before any check while this name or {@code address} is backing off after failed logins.
     */
    public String login(String username, String password, String address) {
        backoff.check(username, address);
        if (DefaultAdmin.USERNAME.equals(username)) {
            ensureDefaultAdmin();
        }
        var account = users.find(username);
        // Argon2 verification compares in constant time, and an unknown name is verified against a decoy hash
        boolean valid = hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !valid) {
            backoff.failed(username, address);
            throw ErrorMessage.AUTH_USER_PASSWORD_INVALID.exception();
        }
        backoff.succeeded(username);
        return issue(account.get());
    }

    /**
     * A fresh token, in the contract's form, for a user who is already authenticated by the request asking for it: a
     * job the registry runs on that user's behalf (the dashboard's workload) gets its own token and use budget, so it
     * never spends the caller's. Refused like a bad login when the account no longer exists.
     */
    public String issueFor(String username) {
        var account = users.find(username).orElseThrow(() ->
                ErrorMessage.AUTH_USER_LONGER_EXISTS.exception());
        return issue(account);
    }

    private String issue(UserAccount account) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        var now = clock.instant();
        commands.sendAndWait(new AuthCommands.IssueAuthToken(hash(token), account.username(),
                account.admin(), now, now.plus(TOKEN_LIFETIME), TOKEN_MAX_USES));
        return SCHEME + token;
    }

    /**
     * The caller behind an {@code X-Authorization} header value, spending one use of its token. The account is read
     * at every request, so a removed user's token stops at once and a permission change applies to the next request
     * (the tokens are revoked as well; this read holds even for a token issued while the change was under way).
     */
    public Optional<Caller> authenticate(String headerValue) {
        return tokenOf(headerValue).flatMap(token -> tokens.spend(hash(token), clock.instant()))
                .flatMap(users::find)
                .map(account -> new Caller(new Actor(account.username(), account.admin()), account.permissions()));
    }

    /** The stored hash of the token in a header value (to keep the caller's token across a reset). */
    public Optional<String> tokenHash(String headerValue) {
        return tokenOf(headerValue).map(AuthenticationService::hash);
    }

    /**
     * Creates the default admin at first start, i.e. when the registry has no administrator at all; idempotent. Once
     * other administrators exist, removing the default admin sticks (its well-known password no longer opens
     * anything) until the next reset restores it.
     */
    public void ensureDefaultAdmin() {
        if (users.find(DefaultAdmin.USERNAME).isEmpty() && users.adminCount() == 0) {
            commands.sendAndWait(new AuthCommands.RegisterUser(DefaultAdmin.USERNAME,
                    hasher.hash(DefaultAdmin.PASSWORD), true, Permission.all()));
        }
    }

    private static Optional<String> tokenOf(String headerValue) {
        if (headerValue == null || headerValue.length() > MAX_TOKEN_HEADER) {
            return Optional.empty();
        }
        String value = headerValue.trim();
        // Accept the contract's "bearer <token>" in any case, and a bare token.
        if (value.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            value = value.substring(SCHEME.length()).trim();
        }
        // Some clients echo the JSON string from /authenticate with its quotes.
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return tokenOf(value.substring(1, value.length() - 1));
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
