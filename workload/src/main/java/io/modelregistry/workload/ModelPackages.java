package io.modelregistry.workload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Distinct model packages laid out like HuggingFace repositories (README with front matter, config.json, a
 * safetensors weights file, and for every third one a tokenizer): the same index and seed always give the same bytes,
 * and no two indexes share a weights file. Sizes are spread log-uniformly between the bounds, as model repositories
 * are (many small, a long tail of large ones): most of the size is the weights file.
 */
final class ModelPackages {

    private static final String[] WORDS = {"attention", "quantized", "distilled", "encoder", "decoder", "vision",
        "speech", "tokenizer", "instruct", "chat", "sparse", "adapter", "embedding", "classifier", "summarizer"};
    private static final String[] LICENSES = {"apache-2.0", "mit", "bsd-3-clause", "cc-by-4.0"};

    private final long seed;
    private final long minBytes;
    private final long maxBytes;

    ModelPackages(long seed, long minBytes, long maxBytes) {
        this.seed = seed;
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
    }

    /** The size model {@code index} aims at, log-uniform in [min, max]. */
    long targetBytes(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        double logMin = Math.log(minBytes);
        double logMax = Math.log(maxBytes);
        return Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin)));
    }

    byte[] zip(int index, String name) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        long target = targetBytes(index);
        String license = LICENSES[index % LICENSES.length];
        String topic = WORDS[index % WORDS.length] + " " + WORDS[(index / WORDS.length) % WORDS.length];
        String readme = "---\nlicense: " + license + "\nlibrary_name: transformers\ntags:\n- workload\n---\n# " + name
                + "\n\nA generated " + topic + " model for the registry's performance workload (package " + index
                + ").\n\n## Usage\n\nLoad it with `transformers`; it predicts nothing useful.\n";
        String config = String.format(Locale.ROOT, "{\"model_type\": \"llama\", \"hidden_size\": %d, "
                + "\"num_hidden_layers\": %d, \"vocab_size\": 32000}", 64 * (1 + index % 8), 1 + index % 12);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, target + 4096));
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            deflated(out, "README.md", readme.getBytes(StandardCharsets.UTF_8));
            deflated(out, "config.json", config.getBytes(StandardCharsets.UTF_8));
            if (index % 3 == 0) {
                deflated(out, "tokenizer.json", ("{\"version\": \"1.0\", \"model\": {\"type\": \"BPE\", \"seed\": "
                        + index + "}}").getBytes(StandardCharsets.UTF_8));
            }
            stored(out, "model.safetensors", safetensors(random, Math.max(64, target - readme.length() - 512)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A dataset upload of one file as it is (stored, not deflated) beside its card. */
    static byte[] datasetZip(String name, String path, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 4096);
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            deflated(out, "README.md", ("# " + name + "\n\nOne file of the workload's source model, downloaded alone "
                    + "by the workload.\n").getBytes(StandardCharsets.UTF_8));
            stored(out, path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A well-formed safetensors file: an 8-byte little-endian header length, the JSON header, random F32 data. */
    private static byte[] safetensors(SplittableRandom random, long approximateBytes) {
        long floats = Math.max(16, (approximateBytes - 128) / 4);
        String header = "{\"weight\":{\"dtype\":\"F32\",\"shape\":[" + floats + "],\"data_offsets\":[0," + floats * 4
                + "]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[Math.toIntExact(8 + json.length + floats * 4)];
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length);
        System.arraycopy(json, 0, file, 8, json.length);
        for (int i = 8 + json.length; i < file.length; i += 8) {
            long value = random.nextLong();
            for (int b = 0; b < 8 && i + b < file.length; b++) {
                file[i + b] = (byte) (value >>> (8 * b));
            }
        }
        return file;
    }

    private static void deflated(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    /** Random weights do not compress; stored as they are, like the large files of real repositories. */
    private static void stored(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
