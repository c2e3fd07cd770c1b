package dev.cardflow.infrastructure.alert;

/**
 * A condition the platform can only see by looking (stuck orders, parked dead letters): run every
 * {@code cardflow.alert.check-interval}, raising what it finds; the quiet period keeps repeats apart.
 */
@FunctionalInterface
public interface AlertCheck {

    void check(Alerts alerts);
}
