package io.modelregistry.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on every request-mapping method what its caller needs, e.g. {@code @Requires(Access.SEARCH)}. It is
 * required: the launcher refuses a request whose handler carries none (fail closed), and a test enumerates every
 * mapping and fails for any without it. Put it on the method itself, beside {@code @GetMapping} and friends, so a
 * reader sees the rule where the endpoint is declared.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
    Access value();
}
