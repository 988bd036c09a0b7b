package io.modelregistry.command.group;

import io.modelregistry.api.error.ErrorMessage;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.group.BeginGroup;
import io.modelregistry.api.group.GroupBegun;
import io.modelregistry.api.group.GroupCommandStaged;
import io.modelregistry.api.group.GroupExecuted;
import io.modelregistry.api.group.GroupFailed;
import io.modelregistry.api.group.GroupState;
import io.modelregistry.api.group.StagedCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One group transaction's write model: who owns it, until when it is open, the commands staged in it, and how its
 * execution ended. Another user is told it does not exist (its id is not a secret, but its contents are).
 */
@Aggregate
class GroupTransactionAggregate {

    @AggregateIdentifier
    private String groupId;
    private String owner;
    private Instant expiresAt;
    private final List<StagedCommand> commands = new ArrayList<>();
    private String status = GroupState.OPEN;
    private String failureKind;
    private String failureMessage;

    protected GroupTransactionAggregate() {
        // for Axon: rebuilt from events
    }

    GroupTransactionAggregate(BeginGroup command, Instant at) {
        apply(new GroupBegun(command.groupId(), command.owner(), command.expiresAt(), at));
    }

    GroupState state(String caller, Instant now) {
        requireOwner(caller);
        String shown = GroupState.OPEN.equals(status) && !now.isBefore(expiresAt) ? GroupState.EXPIRED : status;
        return new GroupState(groupId, owner, shown, expiresAt, commands, failureKind, failureMessage);
    }

    void stage(String caller, StagedCommand command, int maxCommands, Instant now) {
        requireOpen(caller, now);
        if (commands.size() >= maxCommands) {
            throw ErrorMessage.GROUP_TRANSACTION_HOLDS_MOST_COMMANDS.exception(maxCommands);
        }
        for (StagedCommand staged : commands) {
            if (staged.artifactId().equals(command.artifactId())) {
                throw ErrorMessage.GROUP_TRANSACTION_ALREADY_COMMAND_ARTIFACT.exception(command.artifactId(), commands.indexOf(staged));
            }
            if (command.sourceKey() != null && command.sourceKey().equals(staged.sourceKey())) {
                throw ErrorMessage.GROUP_TRANSACTION_ALREADY_REGISTERS_ARTIFACT.exception(commands.indexOf(staged));
            }
        }
        apply(new GroupCommandStaged(groupId, commands.size(), command, now));
    }

    /** The commands to apply now; throws when the transaction is not this caller's or no longer open. */
    List<StagedCommand> toExecute(String caller, Instant now) {
        requireOpen(caller, now);
        return List.copyOf(commands);
    }

    void executed(Instant at) {
        apply(new GroupExecuted(groupId, at));
    }

    void failed(String caller, String kind, String message, Instant at) {
        requireOwner(caller);
        if (GroupState.OPEN.equals(status)) {
            apply(new GroupFailed(groupId, kind, message, at));
        }
    }

    boolean open() {
        return GroupState.OPEN.equals(status);
    }

    private void requireOpen(String caller, Instant now) {
        requireOwner(caller);
        if (!GroupState.OPEN.equals(status)) {
            throw ErrorMessage.GROUP_TRANSACTION_ALREADY_BEEN_EXECUTED.exception(groupId, status);
        }
        if (!now.isBefore(expiresAt)) {
            throw ErrorMessage.GROUP_TRANSACTION_EXPIRED_WITHOUT_BEING.exception(groupId, expiresAt);
        }
    }

    private void requireOwner(String caller) {
        if (!Objects.equals(owner, caller)) {
            throw missing(groupId);
        }
    }

    static RegistryException missing(String groupId) {
        return ErrorMessage.GROUP_TRANSACTION_ID.exception(groupId);
    }

    @EventSourcingHandler
    void on(GroupBegun event) {
        groupId = event.groupId();
        owner = event.owner();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(GroupCommandStaged event) {
        commands.add(event.command());
    }

    @EventSourcingHandler
    void on(GroupExecuted event) {
        status = GroupState.COMMITTED;
    }

    @EventSourcingHandler
    void on(GroupFailed event) {
        status = GroupState.FAILED;
        failureKind = event.kind();
        failureMessage = event.message();
    }
}
