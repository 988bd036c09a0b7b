package io.modelregistry.command.group;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;

/**
 * A command of an executing group was refused: the execution rolls back, and the refusal is kept for repeats. It
 * answers the refused command's kind (its status), whatever the catalogue's entry says.
 */
class GroupRefused extends RegistryException {

    GroupRefused(Kind kind, ErrorMessage message, Object... args) {
        super(kind, message, null, args);
    }

    /** The stored refusal of an execution, answered again as it was the first time. */
    static GroupRefused repeated(Kind kind, String storedMessage) {
        return new GroupRefused(kind, ErrorMessage.GROUP_REFUSAL_REPEATED, storedMessage);
    }
}
