package io.modelregistry.fakehub;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sees every URI the HTTP client is about to connect to, so tests can prove where requests went. */
public final class RecordingProxySelector extends ProxySelector {

    public final List<URI> requested = new CopyOnWriteArrayList<>();

    @Override
    public List<Proxy> select(URI uri) {
        requested.add(uri);
        return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // nothing to do: tests assert on the outcome
    }
}
