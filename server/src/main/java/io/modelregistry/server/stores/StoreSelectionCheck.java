package io.modelregistry.server.stores;

import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up when a store setting names no adapter this build has. Without it, an unknown value would
 * switch every adapter of that port off and start-up would fail later, on some bean that needs the port,
 * with a message about the bean rather than the setting.
 */
public class StoreSelectionCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (StoreSelection.Choice choice : StoreSelection.CHOICES) {
            String value = environment.getProperty(choice.property(), choice.defaultValue());
            if (!choice.known().contains(value.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("Unknown adapter " + choice.property() + "=" + value
                        + ": this build has " + String.join(", ", choice.known()) + ".");
            }
        }
    }
}
