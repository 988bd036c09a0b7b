package io.modelregistry.projection.search.query;

/**
 * Keyword values as an index can hold them. Lucene, and OpenSearch on it, refuse a term over 32,766 UTF-8 bytes; an
 * event carrying such a name would otherwise fail its handler on every retry and stall the processing group. Such a
 * value is cut at a code point boundary (and then matches, and reads back, only as cut), the same in either index.
 */
public final class KeywordTerms {

    /** Lucene's {@code IndexWriter.MAX_TERM_LENGTH}, in UTF-8 bytes. */
    public static final int MAX_BYTES = 32_766;

    private KeywordTerms() {
    }

    public static String fit(String value) {
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int cp = value.codePointAt(end);
            int length = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + length > MAX_BYTES) {
                return value.substring(0, end);
            }
            bytes += length;
            end += Character.charCount(cp);
        }
        return value;
    }
}
