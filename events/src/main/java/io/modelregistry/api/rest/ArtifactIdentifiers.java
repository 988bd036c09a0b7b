package io.modelregistry.api.rest;

import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.error.RegistryException;
import java.util.regex.Pattern;

/** Validation of the path parameters every artifact endpoint shares, with the contract's messages. */
public final class ArtifactIdentifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private ArtifactIdentifiers() {
    }

    public static ArtifactType type(String value) {
        return ArtifactType.fromWire(value).orElseThrow(() -> RegistryException.badRequest(
                "artifact_type must be one of model, dataset, code (got '" + abbreviate(value) + "')."));
    }

    public static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw RegistryException.badRequest(
                    "artifact_id must be 1-64 characters of letters, digits and '-' (got '" + abbreviate(value) + "').");
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
