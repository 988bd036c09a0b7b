package io.modelregistry.query.param;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.util.Locale;

/**
 * A boolean query parameter, parsed strictly: absent means the default, {@code true} / {@code false} (any case)
 * mean themselves, and anything else is a 400 rather than a silent guess ({@code ?dependency=yes}).
 */
public final class BooleanParameter {

    private BooleanParameter() {
    }

    public static boolean parse(String name, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ErrorMessage.PARAM_QUERY_PARAMETER_MUST_TRUE.exception(name);
        };
    }
}
