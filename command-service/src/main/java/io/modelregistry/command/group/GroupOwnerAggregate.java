package io.modelregistry.command.group;

import io.modelregistry.api.error.ErrorMessage;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.modelregistry.api.error.TooManyRequests;
import io.modelregistry.api.group.GroupClosed;
import io.modelregistry.api.group.GroupOpened;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The open group transactions of one user, so that their number is bounded on every node (the bound is decided by
 * this aggregate's optimistic lock, not by a node's memory). Expired ones stop counting without an event.
 */
@Aggregate
class GroupOwnerAggregate {

    @AggregateIdentifier
    private String ownerId;
    private final Map<String, Instant> open = new HashMap<>();

    protected GroupOwnerAggregate() {
        // for Axon: rebuilt from events
    }

    static String idOf(String username) {
        return "group-owner:" + username;
    }

    /** A user's first transaction creates their stream. */
    GroupOwnerAggregate(String owner, String groupId, Instant expiresAt) {
        apply(new GroupOpened(owner, groupId, expiresAt));
    }

    void open(String owner, String groupId, Instant expiresAt, int maxOpen, Instant now) {
        open.values().removeIf(expiry -> !now.isBefore(expiry));
        if (open.size() >= maxOpen) {
            Instant first = open.values().stream().min(Instant::compareTo).orElse(now);
            throw new TooManyRequests(ErrorMessage.GROUP_YOU_HOLD_OPEN_TRANSACTIONS, Math.max(1, Duration.between(now, first).toSeconds()), open.size());
        }
        apply(new GroupOpened(owner, groupId, expiresAt));
    }

    void close(String owner, String groupId) {
        if (open.containsKey(groupId)) {
            apply(new GroupClosed(owner, groupId));
        }
    }

    @EventSourcingHandler
    void on(GroupOpened event) {
        ownerId = idOf(event.owner());
        open.put(event.groupId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(GroupClosed event) {
        open.remove(event.groupId());
    }
}
