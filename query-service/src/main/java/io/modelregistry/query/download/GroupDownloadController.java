package io.modelregistry.query.download;

import io.modelregistry.api.error.ErrorMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.directory.ArtifactDirectory;
import io.modelregistry.api.directory.ArtifactRecord;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The packages of several artifacts in one download (an extension): a zip holding {@code manifest.json} (what is
 * in it) and each artifact's package zip, {@code TYPE-ID.zip}, as its latest version stood at one point of the log:
 * the records are read in one look at the directory ({@link ArtifactDirectory#findAll}), so a group transaction's
 * artifacts are all at their committed state or all before it. Every package goes through the {@link DownloadGate}
 * (a sensitive model's monitor runs, every download is recorded) before the first byte is sent.
 */
@RestController
class GroupDownloadController {

    /** A group download holds at most this many artifacts: each is a package streamed from the blob store. */
    static final int MAX_ARTIFACTS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactDirectory directory;
    private final DownloadGate gate;

    GroupDownloadController(ArtifactDirectory directory, DownloadGate gate) {
        this.directory = directory;
        this.gate = gate;
    }

    @Requires(Access.DOWNLOAD)
    @GetMapping("/artifact-groups/download")
    void download(@RequestParam(name = "id", required = false) List<String> idParams,
                  @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor,
                  HttpServletResponse response) throws IOException {
        if (idParams == null || idParams.isEmpty()) {
            throw ErrorMessage.DOWNLOAD_NAME_ARTIFACTS_ID_ID.exception(MAX_ARTIFACTS);
        }
        if (idParams.size() > MAX_ARTIFACTS) {
            throw ErrorMessage.DOWNLOAD_GROUP_DOWNLOAD_HOLDS_MOST.exception(MAX_ARTIFACTS);
        }
        Set<String> ids = new LinkedHashSet<>();
        idParams.forEach(id -> ids.add(ArtifactIdentifiers.id(id)));
        Map<String, ArtifactRecord> found = new LinkedHashMap<>();
        directory.findAll(ids).forEach(record -> found.put(record.id(), record));
        for (String id : ids) {
            if (!found.containsKey(id)) {
                throw ErrorMessage.ARTIFACT_NO_ARTIFACT_WITH_ID.exception(id);
            }
        }
        // every package is vetted (and its download recorded) before the first byte of the answer
        List<ArtifactRecord> records = ids.stream().map(found::get).toList();
        List<DownloadGate.Cleared> cleared = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        for (ArtifactRecord record : records) {
            DownloadGate.Prepared prepared = gate.prepare(record, null);
            cleared.add(gate.clear(prepared, actor, prepared.length()));
            lengths.add(prepared.length());
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("artifacts.zip").build().toString());
        OutputStream out = response.getOutputStream();
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);   // the packages are zips already
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(records)));
        zip.closeEntry();
        for (int i = 0; i < records.size(); i++) {
            zip.putNextEntry(new ZipEntry(entryName(records.get(i))));
            if (lengths.get(i) > 0) {
                cleared.get(i).writeRange(0, lengths.get(i) - 1, new NonClosing(zip));
            }
            zip.closeEntry();
        }
        zip.finish();
        out.close();
    }

    private static Map<String, Object> manifest(List<ArtifactRecord> records) {
        List<Map<String, Object>> artifacts = new ArrayList<>();
        for (ArtifactRecord record : records) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", record.id());
            entry.put("type", record.type().wireName());
            entry.put("name", record.name());
            entry.put("version", record.version());
            entry.put("package_digest", record.packageDigest());
            entry.put("entry", entryName(record));
            artifacts.add(entry);
        }
        return Map.of("artifacts", artifacts);
    }

    private static String entryName(ArtifactRecord record) {
        return record.type().wireName() + "-" + record.id() + ".zip";
    }

    /** The package writer may close what it writes to; the group's zip goes on after it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
