package io.modelregistry.api.rest;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import java.util.regex.Pattern;

/** Validation of the path parameters every artifact endpoint shares, with the contract's messages. */
public final class ArtifactIdentifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private ArtifactIdentifiers() {
    }

    public static ArtifactType type(String value) {
        return ArtifactType.fromWire(value).orElseThrow(() -> ErrorMessage.REST_ARTIFACT_TYPE_MUST_MODEL.exception(abbreviate(value)));
    }

    public static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ErrorMessage.REST_ARTIFACT_ID_MUST_1.exception(abbreviate(value));
        }
        return value;
    }

    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
