package io.modelregistry.command.auth;

/** The default administrator from DESIGN.md: exists at first start and after every reset. */
final class DefaultAdmin {

    static final String USERNAME = "ece30861defaultadminuser";
    // Quotes, a backtick and "DROP TABLE" on purpose: it must round-trip verbatim (it only ever meets a hash).
    static final String PASSWORD = "correcthorsebatterystaple123(!__+@**(A'\"`;DROP TABLE artifacts;";

    private DefaultAdmin() {
    }
}
