package io.modelregistry.command.group;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.group.BeginGroup;
import io.modelregistry.api.group.DescribeGroup;
import io.modelregistry.api.group.ExecuteGroup;
import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.api.group.GroupMember;
import io.modelregistry.api.group.GroupState;
import io.modelregistry.api.group.RecordGroupFailure;
import io.modelregistry.api.group.StageGroupCommand;
import io.modelregistry.api.group.StagedCommand;
import io.modelregistry.command.artifact.ArtifactTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Group transactions on the log. Executing one is ONE unit of work: every staged command is applied to its
 * artifact's aggregate, the transaction is marked executed, and a {@link GroupCommitted} marker naming every
 * member event is published last; the event store appends all of it in one atomic append (one database
 * transaction on JDBC, one commit item on DynamoDB), or nothing when any command is refused.
 */
@Component
class GroupCommandHandler {

    private final Repository<GroupTransactionAggregate> transactions;
    private final Repository<GroupOwnerAggregate> owners;
    private final ArtifactTransactions artifacts;
    private final EventGateway events;
    private final Clock clock;

    GroupCommandHandler(@Qualifier("groupTransactionAggregateRepository") Repository<GroupTransactionAggregate> transactions,
                        @Qualifier("groupOwnerAggregateRepository") Repository<GroupOwnerAggregate> owners,
                        ArtifactTransactions artifacts, EventGateway events, Clock clock) {
        this.transactions = transactions;
        this.owners = owners;
        this.artifacts = artifacts;
        this.events = events;
        this.clock = clock;
    }

    @CommandHandler
    GroupState handle(BeginGroup command) throws Exception {
        Instant now = clock.instant();
        try {
            owners.load(GroupOwnerAggregate.idOf(command.owner())).execute(owner -> owner.open(command.owner(),
                    command.groupId(), command.expiresAt(), command.maxOpen(), now));
        } catch (AggregateNotFoundException first) {
            owners.newInstance(() -> new GroupOwnerAggregate(command.owner(), command.groupId(), command.expiresAt()));
        }
        Aggregate<GroupTransactionAggregate> created = transactions.newInstance(
                () -> new GroupTransactionAggregate(command, now));
        return created.invoke(group -> group.state(command.owner(), now));
    }

    @CommandHandler
    GroupState handle(StageGroupCommand command) {
        Instant now = clock.instant();
        Aggregate<GroupTransactionAggregate> group = load(command.groupId());
        group.execute(g -> g.stage(command.owner(), command.command(), command.maxCommands(), now));
        return group.invoke(g -> g.state(command.owner(), now));
    }

    @CommandHandler
    GroupState handle(DescribeGroup command) {
        return load(command.groupId()).invoke(g -> g.state(command.owner(), clock.instant()));
    }

    @CommandHandler
    GroupState handle(ExecuteGroup command) {
        Instant now = clock.instant();
        Aggregate<GroupTransactionAggregate> group = load(command.groupId());
        GroupState before = group.invoke(g -> g.state(command.owner(), now));
        if (GroupState.COMMITTED.equals(before.status()) || GroupState.FAILED.equals(before.status())) {
            return before;   // executed already: the first execution's result
        }
        List<StagedCommand> staged = group.invoke(g -> g.toExecute(command.owner(), now));
        List<GroupMember> members = new ArrayList<>();
        for (int i = 0; i < staged.size(); i++) {
            StagedCommand next = staged.get(i);
            try {
                members.add(artifacts.apply(next));
            } catch (RegistryException e) {
                throw new GroupRefused(e.kind(), ErrorMessage.GROUP_COMMAND_REFUSED, i, next.kind().wireName(), next.type().wireName(), next.artifactId(), e.getMessage());
            }
        }
        group.execute(g -> g.executed(now));
        closeOnOwner(command.owner(), command.groupId());
        // last in the unit of work, so its position is after every member's
        events.publish(new GroupCommitted(command.groupId(), command.owner(), members, now));
        return group.invoke(g -> g.state(command.owner(), now));
    }

    @CommandHandler
    GroupState handle(RecordGroupFailure command) {
        Instant now = clock.instant();
        Aggregate<GroupTransactionAggregate> group = load(command.groupId());
        boolean wasOpen = group.invoke(GroupTransactionAggregate::open);
        group.execute(g -> g.failed(command.owner(), command.kind(), command.message(), now));
        if (wasOpen) {
            closeOnOwner(command.owner(), command.groupId());
        }
        return group.invoke(g -> g.state(command.owner(), now));
    }

    private void closeOnOwner(String owner, String groupId) {
        owners.load(GroupOwnerAggregate.idOf(owner)).execute(o -> o.close(owner, groupId));
    }

    private Aggregate<GroupTransactionAggregate> load(String groupId) {
        try {
            return transactions.load(groupId);
        } catch (AggregateNotFoundException e) {
            throw GroupTransactionAggregate.missing(groupId);
        }
    }
}
