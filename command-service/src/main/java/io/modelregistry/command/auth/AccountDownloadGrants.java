package io.modelregistry.command.auth;

import io.modelregistry.api.auth.DownloadGrants;
import io.modelregistry.api.rest.Access;
import org.springframework.stereotype.Component;

/** The accounts' current grants, read from the credential store at every download (as tokens are at every call). */
@Component
class AccountDownloadGrants implements DownloadGrants {

    private final UserAccountStore users;

    AccountDownloadGrants(UserAccountStore users) {
        this.users = users;
    }

    @Override
    public boolean mayDownload(String username) {
        return users.find(username).filter(account -> Access.DOWNLOAD.allows(account.admin(), account.permissions()))
                .isPresent();
    }
}
