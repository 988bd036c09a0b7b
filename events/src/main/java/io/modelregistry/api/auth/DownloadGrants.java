package io.modelregistry.api.auth;

/**
 * Whether a user may download now: the account exists and holds the {@code download} permission. A signed download
 * link is a capability that outlives the token it was read with, so the download endpoint asks this at every use:
 * removing a user or taking {@code download} away ends that user's links at once, as it ends their tokens, instead
 * of when the link expires. Implemented by the command side, which owns the accounts.
 */
public interface DownloadGrants {

    boolean mayDownload(String username);
}
