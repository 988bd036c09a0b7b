package io.modelregistry.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelregistry.api.download.DownloadLinkSigner;
import io.modelregistry.server.stores.StoreSelection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadSigningKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString("k".repeat(32).getBytes());
    private static final String DIGEST = "a".repeat(64);
    private static final Pattern LINK = Pattern.compile("d=([0-9a-f]+)&u=([^&]+)&a=([01])&e=(\\d+)&s=(.+)");

    private static final StoreSelection SHARED = new StoreSelection(StoreSelection.EventStore.DYNAMODB,
            StoreSelection.BlobStore.S3, StoreSelection.ReadModels.EMBEDDED);
    private static final StoreSelection EMBEDDED = new StoreSelection(StoreSelection.EventStore.JDBC,
            StoreSelection.BlobStore.FILESYSTEM, StoreSelection.ReadModels.EMBEDDED);

    @TempDir
    Path first;
    @TempDir
    Path second;

    private static HttpProperties withKey(String key) {
        return new HttpProperties(new HttpProperties.Http(1 << 20), new HttpProperties.Download(Duration.ofHours(1), key));
    }

    private static boolean accepts(DownloadLinkSigner verifier, String query) {
        Matcher m = LINK.matcher(query);
        assertThat(m.matches()).isTrue();
        return verifier.verify("artifact-1", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)).isPresent();
    }

    @Test
    void twoNodesGivenTheSameKeyAcceptEachOthersLinksThoughTheirDataDirsDiffer() throws Exception {
        DownloadLinkSigner nodeA = new CoreBeans().downloadLinkSigner(first, SHARED, withKey(KEY), Clock.systemUTC());
        DownloadLinkSigner nodeB = new CoreBeans().downloadLinkSigner(second, SHARED, withKey(KEY), Clock.systemUTC());

        assertThat(accepts(nodeB, nodeA.sign("artifact-1", DIGEST, "alice", false))).isTrue();
        assertThat(first.resolve("secrets")).doesNotExist();
    }

    @Test
    void embeddedNodesWithoutAKeyKeepTheirOwnSoTheirLinksDoNotCross() throws Exception {
        DownloadLinkSigner nodeA = new CoreBeans().downloadLinkSigner(first, EMBEDDED, withKey(""), Clock.systemUTC());
        DownloadLinkSigner nodeB = new CoreBeans().downloadLinkSigner(second, EMBEDDED, withKey(""), Clock.systemUTC());
        DownloadLinkSigner nodeAAgain = new CoreBeans().downloadLinkSigner(first, EMBEDDED, withKey(""), Clock.systemUTC());

        String link = nodeA.sign("artifact-1", DIGEST, "alice", false);
        assertThat(accepts(nodeB, link)).isFalse();
        assertThat(accepts(nodeAAgain, link)).as("the data dir's key survives a restart").isTrue();
    }

    @Test
    void aNodeOnTheSharedStoresRefusesToStartWithoutASharedKey() {
        assertThatThrownBy(() -> new CoreBeans().downloadLinkSigner(first, SHARED, withKey(" "), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REGISTRY_DOWNLOAD_SIGNING_KEY");
    }

    @Test
    void aKeyThatIsNotBase64OrTooShortIsRefusedWithoutBeingEchoed() {
        assertThatThrownBy(() -> withKey("not base64 secret!"))
                .hasMessageContaining("not base64").hasMessageNotContaining("secret!");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> withKey(shortKey))
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining(shortKey);
    }
}
