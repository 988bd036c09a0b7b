package io.modelregistry.projection.group;

import io.modelregistry.api.group.GroupCommitted;
import io.modelregistry.api.group.GroupMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Every projection's processor skips an event appended by a group's execution where it stands in the log (it may
 * be in a batch of its own, apart from the rest of its group) and applies it at the group's commit marker instead,
 * with all of the group's members ({@link GroupMembers}).
 */
public class GroupMemberSkip implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (skippedWhereItStands(unitOfWork.getMessage())) {
            return null;
        }
        return interceptorChain.proceed();
    }

    /** Whether a reader of the log skips this event where it stands (a group member, applied at its marker). */
    public static boolean skippedWhereItStands(EventMessage<?> event) {
        return event.getMetaData().containsKey(GroupMetadata.GROUP)
                && !GroupCommitted.class.equals(event.getPayloadType());
    }
}
