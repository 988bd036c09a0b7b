package io.modelregistry.projection.consistency;

import java.util.Set;

/**
 * Whether a projection failed because the store it writes to did not answer (refused or dropped the connection,
 * timed out) rather than because of the event it was applying. Such a failure says nothing about the event, so it
 * must not count toward stopping the processor: a store that is back after an outage of any length finds its
 * projections retrying, and they catch up with nobody restarting anything. The types are matched by name, so that
 * this package needs none of the clients' libraries.
 */
final class StoreOutages {

    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "java.net.ConnectException", "java.net.SocketException", "java.net.SocketTimeoutException",
            "java.net.NoRouteToHostException", "java.net.http.HttpTimeoutException",
            "java.net.http.HttpConnectTimeoutException", "java.nio.channels.ClosedChannelException",
            "java.sql.SQLTransientConnectionException", "java.sql.SQLNonTransientConnectionException",
            "org.apache.hc.core5.http.ConnectionClosedException", "org.apache.hc.core5.http.NoHttpResponseException",
            "org.apache.http.NoHttpResponseException", "org.apache.http.ConnectionClosedException",
            "org.apache.http.conn.ConnectTimeoutException", "org.apache.http.conn.HttpHostConnectException",
            "software.amazon.awssdk.core.exception.SdkClientException",
            "software.amazon.awssdk.core.exception.ApiCallTimeoutException",
            "software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException");

    private StoreOutages() {
    }

    static boolean isOutage(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (CONNECTION_FAILURES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
