package io.modelregistry.command.group;

import io.modelregistry.api.error.RegistryException;

/** A command of an executing group was refused: the execution rolls back, and the refusal is kept for repeats. */
class GroupRefused extends RegistryException {

    GroupRefused(Kind kind, String message) {
        super(kind, message);
    }
}
