package dev.cardflow.fulfilment.saga;

import dev.cardflow.fulfilment.process.FulfilmentRoutes;

import dev.cardflow.api.order.OrderMessage;

import org.axonframework.modelling.saga.StartSaga;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga receives every event about an order ({@link OrderMessage}); each must be routed to the
 * fulfilment or listed as ignored, so a new event cannot be missed in silence.
 */
class FulfilmentRoutingTest {

    @Test
    void everyEventAboutAnOrderIsRoutedOrExplicitlyIgnored() {
        Set<Class<?>> unaccounted = new HashSet<>(eventsAboutAnOrder());
        unaccounted.removeAll(FulfilmentRoutes.routed());
        unaccounted.removeAll(FulfilmentRoutes.IGNORED);

        assertThat(unaccounted).as("events neither routed in FulfilmentRoutes nor listed as ignored").isEmpty();
    }

    @Test
    void noEventIsBothRoutedAndIgnored() {
        Set<Class<?>> both = new HashSet<>(FulfilmentRoutes.routed());
        both.retainAll(FulfilmentRoutes.IGNORED);

        assertThat(both).isEmpty();
    }

    @Test
    void theContractHoldsTheEventsTheRoutesKnow() {
        assertThat(eventsAboutAnOrder()).containsAll(FulfilmentRoutes.routed()).hasSizeGreaterThan(10);
    }

    @Test
    void theSagaStartsOnExactlyTheEventsThatOpenAFulfilment() {
        Set<Class<?>> opening = FulfilmentRoutes.routed().stream()
                .filter(type -> FulfilmentRoutes.route(blank(type)).orElseThrow().opens())
                .collect(Collectors.toSet());
        Set<Class<?>> startingTheSaga = Arrays.stream(OrderFulfilmentSaga.class.getDeclaredMethods())
                .filter(handler -> handler.isAnnotationPresent(StartSaga.class))
                .map(handler -> handler.getParameterTypes()[0])
                .collect(Collectors.toSet());

        assertThat(startingTheSaga).isEqualTo(opening).isNotEmpty();
    }

    /** An event of this type with every field at its default: enough to see where it is routed. */
    private static Object blank(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(t -> t == int.class ? 0 : t == long.class ? 0L
                : t == boolean.class ? Boolean.FALSE : null).toArray();
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no canonical constructor to call", e);
        }
    }

    /** Every event of the contract the saga's handler of {@link OrderMessage} can receive. */
    private static Set<Class<?>> eventsAboutAnOrder() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(OrderMessage.class));
        return scanner.findCandidateComponents("dev.cardflow.api").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(FulfilmentRoutingTest::load)
                .collect(Collectors.toSet());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
