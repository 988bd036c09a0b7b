// Reads a downloaded package: its file list with sizes, and the model card (README.md) at its root.
import { unzipSync } from 'fflate';

const MAX_CARD_BYTES = 2 * 1024 * 1024;

/** Which part of a package a file belongs to, by its name (as the registry's bundle builder lays it out). */
export function aspectOf(path) {
  const name = path.toLowerCase();
  if (/(^|\/)readme(\.md)?$/.test(name) || name.endsWith('.md')) return 'card';
  if (/\.(safetensors|bin|pt|pth|ckpt|h5|onnx|gguf|msgpack|tflite|pb)$/.test(name)) return 'weights';
  if (/\.(json|yaml|yml|txt|model|spm)$/.test(name)) return 'config';
  if (/\.(py|ipynb|js|ts|sh|c|cpp|rs|go|java)$/.test(name)) return 'code';
  if (/\.(csv|parquet|arrow|jsonl|tsv)$/.test(name)) return 'datasets';
  return 'other';
}

export function readPackage(buffer) {
  const bytes = new Uint8Array(buffer);
  const files = [];
  let readmePath = null;
  const entries = unzipSync(bytes, {
    filter(file) {
      files.push({ path: file.name, size: file.originalSize, aspect: aspectOf(file.name) });
      const root = !file.name.includes('/') || /^[^/]+\/README\.md$/i.test(file.name);
      if (root && /README\.md$/i.test(file.name) && file.originalSize <= MAX_CARD_BYTES && readmePath === null) {
        readmePath = file.name;
        return true;
      }
      return false;
    },
  });
  const readme = readmePath ? new TextDecoder().decode(entries[readmePath]) : null;
  return { files: files.filter((f) => !f.path.endsWith('/')), readme };
}

/** Sizes per aspect, largest first. */
export function aspectSizes(files) {
  const totals = {};
  for (const f of files) totals[f.aspect] = (totals[f.aspect] || 0) + f.size;
  return Object.entries(totals).sort((a, b) => b[1] - a[1]);
}
