package io.modelregistry.server.evolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelregistry.api.auth.UserRegistered;

/**
 * Revision 1 → 2 of {@link UserRegistered}: the password hash leaves the event (it lives only in the credential
 * store). Nothing that reads the log sees a hash again; {@link LegacyCredentialRedaction} also removes it from the
 * stored rows themselves.
 */
final class DropPasswordHash extends RevisionUpcaster {

    DropPasswordHash() {
        super(UserRegistered.class, "1", "2");
    }

    @Override
    ObjectNode upcast(ObjectNode payload) {
        payload.remove("passwordHash");
        return payload;
    }
}
