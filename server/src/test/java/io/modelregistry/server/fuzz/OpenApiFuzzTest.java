package io.modelregistry.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.server.fuzz.ApiOperations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property-based fuzzing of every operation of both OpenAPI documents against a running registry: each try sends
 * one request to every operation, valid or mutated as {@link RequestGenerator} derives it from the operation's
 * schemas, authenticated as the admin where the operation takes a token, and checks {@link FuzzOracle}'s
 * properties. The seed is fixed, so a run is repeatable; the tries bound the examples per operation.
 */
class OpenApiFuzzTest {

    static final int TRIES = 25;
    private static final Map<Integer, Integer> STATUSES = new TreeMap<>();

    @Provide
    Arbitrary<List<FuzzRequest>> oneRequestPerOperation() {
        RequestGenerator generator = new RequestGenerator();
        List<Arbitrary<FuzzRequest>> perOperation = new ArrayList<>();
        for (Operation operation : ApiOperations.all()) {
            perOperation.add(generator.requests(operation));
        }
        return Combinators.combine(perOperation).as(list -> list);
    }

    @Property(tries = TRIES, seed = "7606", shrinking = ShrinkingMode.OFF)
    void noOperationAnswersA5xxHangsOrChangesStateWhenItRefuses(
            @ForAll("oneRequestPerOperation") List<FuzzRequest> requests) {
        FuzzOracle oracle = new FuzzOracle(FuzzedRegistry.get());
        List<String> failures = new ArrayList<>();
        for (FuzzRequest request : requests) {
            failures.addAll(oracle.check(request, STATUSES));
        }
        assertThat(failures).isEmpty();
    }

    @Property(tries = 1, seed = "7606")
    void bothDocumentsAreFuzzedOperationByOperation() {
        List<Operation> operations = ApiOperations.all();
        assertThat(operations).extracting(Operation::label)
                .contains("POST /artifacts", "DELETE /reset", "GET /download/{id}", "PUT /artifact/model/{id}/monitor",
                        "POST /users", "GET /downloads/history");
        assertThat(operations).hasSizeGreaterThanOrEqualTo(40);
    }

    @AfterContainer
    static void report() {
        System.out.println("fuzzing: statuses seen " + STATUSES);
    }
}
