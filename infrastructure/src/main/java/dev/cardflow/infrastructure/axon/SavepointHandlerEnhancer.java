package dev.cardflow.infrastructure.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;

/** Runs each event handler of a {@link SavepointPerEvent} component inside a savepoint (a nested transaction). */
public class SavepointHandlerEnhancer implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;
    private final TransactionDefinition nested =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    public SavepointHandlerEnhancer(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        boolean marked = original.declaringClass().isAnnotationPresent(SavepointPerEvent.class);
        if (!marked || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                TransactionStatus savepoint = transactions.getTransaction(nested);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    transactions.rollback(savepoint);
                    throw e;
                }
                transactions.commit(savepoint);
                return result;
            }
        };
    }
}
