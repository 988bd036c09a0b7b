package io.modelregistry.command.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashing (memory-hard). Parameters are Spring Security's current defaults: 16-byte salt,
 * 32-byte hash, 1 lane, 16 MiB memory, 2 iterations: about 30-60 ms per hash on this class of machine.
 */
@Component
class PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return hash != null && encoder.matches(password, hash);
    }
}
