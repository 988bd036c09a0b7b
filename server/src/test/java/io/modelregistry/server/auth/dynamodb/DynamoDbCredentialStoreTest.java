package io.modelregistry.server.auth.dynamodb;

import io.modelregistry.command.auth.AuthTokenStore;
import io.modelregistry.command.auth.CredentialStoreContract;
import io.modelregistry.command.auth.UserAccountStore;
import io.modelregistry.server.axon.dynamodb.Dynalite;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The shared credential store on DynamoDB (dynalite on loopback) against the adapters' contract. */
class DynamoDbCredentialStoreTest extends CredentialStoreContract {

    private DynamoDbClient client;
    private DynamoDbAuthTokens tokens;
    private DynamoDbUserAccounts users;

    @BeforeEach
    void freshTable() {
        client = Dynalite.shared().client();
        CredentialTable table = new CredentialTable(client, Dynalite.freshPrefix("credentials") + "credentials");
        table.createIfMissing(Duration.ofSeconds(30));
        tokens = new DynamoDbAuthTokens(client, table);
        users = new DynamoDbUserAccounts(client, table);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Override
    protected AuthTokenStore tokens() {
        return tokens;
    }

    @Override
    protected UserAccountStore users() {
        return users;
    }
}
