package io.modelregistry.api.artifact;

/**
 * One text document of an artifact, by the sha-256 of its UTF-8 bytes in the content-addressed blob store: the
 * event says which document, the blob store holds it (written before the event, so a reference never points at
 * nothing).
 *
 * @param digest     sha-256 (hex) of the document's UTF-8 bytes: its address in the blob store
 * @param bytes      the document's size in UTF-8 bytes
 * @param inlineText {@code null} for every event written since documents moved to the blob store. Only an event
 *                   from an older log, upcast, carries its document here: that document was never written as a
 *                   blob, and readers must not require one.
 */
public record DocumentRef(String digest, long bytes, String inlineText) {

    public static DocumentRef stored(String digest, long bytes) {
        return new DocumentRef(digest, bytes, null);
    }
}
