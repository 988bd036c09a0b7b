package io.modelregistry.command.group;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.group.BeginGroup;
import io.modelregistry.api.group.DescribeGroup;
import io.modelregistry.api.group.ExecuteGroup;
import io.modelregistry.api.group.GroupMetadata;
import io.modelregistry.api.group.GroupState;
import io.modelregistry.api.group.RecordGroupFailure;
import io.modelregistry.api.group.StageGroupCommand;
import io.modelregistry.api.group.StagedCommand;
import io.modelregistry.command.blob.BlobSweepSettings;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The group transaction use cases: begin, append (the command is prepared and validated first, exactly as its
 * single endpoint does it, so a refusal is that command's own error and changes nothing), read, execute. Executing
 * answers once the group is durable and visible to every read; a refusal is recorded, so executing again answers
 * the same refusal, and a committed group answers its result again.
 */
@Service
@EnableConfigurationProperties(GroupSettings.class)
class GroupTransactions {

    private static final Logger log = LoggerFactory.getLogger(GroupTransactions.class);
    private static final Pattern ID = Pattern.compile("group-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    /** Rounds of "another request changed this transaction first": each needs a concurrent request to lose. */
    private static final int MAX_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final ReadModelBarrier readModels;
    private final GroupSettings settings;
    private final Clock clock;
    /** One execution at a time per transaction on this node (see the decision record's gaps for several nodes). */
    private final Object[] executing = new Object[64];

    GroupTransactions(CommandGateway commands, ReadModelBarrier readModels, GroupSettings settings, Clock clock,
                      BlobSweepSettings blobs) {
        if (blobs.sweepGrace().compareTo(settings.timeToLive()) < 0) {
            // staged uploads and ingests are blobs no event names until the execution: a sweep keeps them only
            // for its grace period
            log.warn("registry.groups.time-to-live ({}) is longer than registry.blobs.sweep-grace ({}): a sweep may"
                    + " remove the files of a transaction still open", settings.timeToLive(), blobs.sweepGrace());
        }
        this.commands = commands;
        this.readModels = readModels;
        this.settings = settings;
        this.clock = clock;
        for (int i = 0; i < executing.length; i++) {
            executing[i] = new Object();
        }
    }

    GroupState begin(Actor actor) {
        String id = "group-" + UUID.randomUUID();
        return send(() -> new BeginGroup(id, actor.username(), clock.instant().plus(settings.timeToLive()),
                settings.maxOpen()));
    }

    GroupState describe(String groupId, Actor actor) {
        return send(() -> new DescribeGroup(checked(groupId), actor.username()));
    }

    /** {@code prepare} runs only once the transaction is known to be this caller's and open. */
    GroupState append(String groupId, Actor actor, Supplier<StagedCommand> prepare) {
        GroupState state = describe(groupId, actor);
        if (!GroupState.OPEN.equals(state.status())) {
            throw ErrorMessage.GROUP_TRANSACTION_TAKES_MORE_COMMANDS.exception(groupId, state.status());
        }
        if (state.commands().size() >= settings.maxCommands()) {
            throw ErrorMessage.GROUP_TRANSACTION_HOLDS_MOST_COMMANDS.exception(settings.maxCommands());
        }
        StagedCommand staged = prepare.get();
        return send(() -> new StageGroupCommand(groupId, actor.username(), staged, settings.maxCommands()));
    }

    GroupState execute(String groupId, Actor actor) {
        checked(groupId);
        synchronized (executing[Math.floorMod(groupId.hashCode(), executing.length)]) {
            GroupState state;
            try {
                state = send(() -> GenericCommandMessage.asCommandMessage(new ExecuteGroup(groupId,
                        actor.username())).andMetaData(MetaData.with(GroupMetadata.GROUP, groupId)));
            } catch (GroupRefused refused) {
                state = send(() -> new RecordGroupFailure(groupId, actor.username(), refused.kind().name(),
                        refused.getMessage()));
                if (GroupState.FAILED.equals(state.status()) && refused.getMessage().equals(state.failureMessage())) {
                    // this execution's own refusal: answered as the refused command's entry; repeats answer the
                    // stored text as a repeat, word for word
                    throw refused;
                }
            }
            if (GroupState.COMMITTED.equals(state.status())) {
                readModels.awaitCaughtUp();
            }
            return state;
        }
    }

    private static String checked(String groupId) {
        if (groupId == null || !ID.matcher(groupId).matches()) {
            throw ErrorMessage.GROUP_TRANSACTION_ID.exception(groupId);
        }
        return groupId;
    }

    private GroupState send(Supplier<Object> command) {
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try {
                return commands.sendAndWait(command.get());
            } catch (CommandExecutionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (!(failure instanceof ConcurrencyException)) {
                throw failure;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw ErrorMessage.GROUP_TRANSACTION_CHANGED_ANOTHER_REQUEST.exception();
            }
        }
    }
}
