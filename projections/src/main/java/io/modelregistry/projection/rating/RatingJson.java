package io.modelregistry.projection.rating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.rating.RatingOutcome;

/** A rating outcome as every ratings read model adapter stores it: JSON of the plain records, no framework types. */
public final class RatingJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RatingJson() {
    }

    public static String write(RatingOutcome outcome) {
        try {
            return JSON.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a rating", e);
        }
    }

    public static RatingOutcome read(String json) {
        try {
            return JSON.readValue(json, RatingOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored rating", e);
        }
    }
}
