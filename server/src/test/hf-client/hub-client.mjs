// Drives the JavaScript HuggingFace Hub client (@huggingface/hub) against the registry's /hf routes, as a user's
// script would with hubUrl pointing at the registry. HuggingFaceJsClientTest runs it and checks what it wrote:
// a JSON report on stdout and each downloaded file's bytes under OUT_DIR/<kind>/<path>.
import { datasetInfo, downloadFile, listFiles, modelInfo } from "@huggingface/hub";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const hubUrl = process.env.HUB_URL;
const token = process.env.REGISTRY_TOKEN;
const outDir = process.env.OUT_DIR;

// The client insists that an access token starts with "hf_"; the registry's tokens do not, so the token goes in
// through the client's own hook for editing requests (its documented `fetch` option).
const withToken = (url, init = {}) => fetch(url, {
  ...init,
  headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` },
  signal: AbortSignal.timeout(20_000),
});
const common = { hubUrl, fetch: withToken };

async function download(kind, repo) {
  const files = [];
  for await (const entry of listFiles({ ...common, repo, recursive: true })) {
    if (entry.type === "file") {
      files.push({ path: entry.path, size: entry.size, oid: entry.oid, lfs: entry.lfs ?? null });
    }
  }
  const downloaded = [];
  for (const file of files) {
    const blob = await downloadFile({ ...common, repo, path: file.path });
    if (blob === null) {
      throw new Error(`downloadFile answered null for ${file.path}`);
    }
    const target = join(outDir, kind, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, Buffer.from(await blob.arrayBuffer()));
    downloaded.push(file.path);
  }
  const missing = await downloadFile({ ...common, repo, path: "no-such-file.bin" });
  return { files, downloaded, missingFileIsNull: missing === null };
}

async function refusal(call) {
  try {
    await call();
    return { refused: false };
  } catch (error) {
    return { refused: true, name: error.name, status: error.statusCode ?? null, message: String(error.message) };
  }
}

const report = {};
const model = await modelInfo({ ...common, name: process.env.MODEL, additionalFields: ["sha", "siblings"] });
report.model = { info: { name: model.name, id: model.id, private: model.private, gated: model.gated,
  sha: model.sha, siblings: (model.siblings ?? []).map((s) => s.rfilename) },
  ...(await download("model", { type: "model", name: process.env.MODEL })) };

const unvetted = await modelInfo({ ...common, name: process.env.UNVETTED });
const unvettedFiles = [];
for await (const entry of listFiles({ ...common, repo: process.env.UNVETTED })) {
  unvettedFiles.push(entry.path);
}
report.unvetted = { info: { name: unvetted.name, gated: unvetted.gated }, files: unvettedFiles,
  download: await refusal(() => downloadFile({ ...common, repo: process.env.UNVETTED, path: unvettedFiles[0] })) };

report.unknown = await refusal(() => modelInfo({ ...common, name: "no-such-org/no-such-model" }));

const dataset = await datasetInfo({ ...common, name: process.env.DATASET });
report.dataset = { info: { name: dataset.name, id: dataset.id, private: dataset.private, gated: dataset.gated },
  ...(await download("dataset", { type: "dataset", name: process.env.DATASET })) };

process.stdout.write(JSON.stringify(report));
