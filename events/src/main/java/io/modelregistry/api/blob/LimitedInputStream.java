package io.modelregistry.api.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** At most {@code limit} bytes of a stream: the default range read of {@link BlobStore}, and positioned reads. */
public final class LimitedInputStream extends FilterInputStream {

    private final boolean closesUnderlying;
    private long left;

    LimitedInputStream(InputStream in, long limit) {
        this(in, limit, true);
    }

    private LimitedInputStream(InputStream in, long limit, boolean closesUnderlying) {
        super(in);
        this.left = limit;
        this.closesUnderlying = closesUnderlying;
    }

    /**
     * At most {@code limit} bytes of {@code in}, leaving {@code in} open when closed: for a window onto a stream (or a
     * channel) that its owner reads again at other positions.
     */
    public static InputStream window(InputStream in, long limit) {
        return new LimitedInputStream(in, limit, false);
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
            return len == 0 ? 0 : -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), left);
    }

    @Override
    public void close() throws IOException {
        if (closesUnderlying) {
            super.close();
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
