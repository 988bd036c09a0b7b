package io.modelregistry.fakehub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Models under the org {@value #ORG} ({@code synthetic/model-00042}) do not exist as fixtures: each is
 * generated from its name, always identically, in the same shape as the recorded model infos. That lets a
 * benchmark ingest thousands of distinct models from a fake that holds only a handful.
 */
final class SyntheticModels {

    static final String ORG = "synthetic";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,96}");
    private static final long MIB = 1024L * 1024L;

    private static final List<String> WORDS = List.of(
            "transformer", "encoder", "decoder", "attention", "tokenizer", "embedding", "benchmark", "corpus",
            "classification", "regression", "fine-tuned", "checkpoint", "latency", "throughput", "accuracy",
            "precision", "recall", "dataset", "evaluation", "inference", "quantized", "distilled", "baseline",
            "sentiment", "translation", "summarization", "vision", "audio", "speech", "multilingual", "robust",
            "calibrated", "sparse", "dense", "layer", "head", "vocabulary", "gradient", "optimizer", "schedule",
            "warmup", "epoch", "batch", "validation", "holdout", "license", "reproducible", "open", "weights",
            "parameters", "context", "window", "retrieval", "ranking", "generation", "safety", "bias", "fairness",
            "documentation", "card");
    private static final List<String> TASKS = List.of(
            "text-classification", "fill-mask", "text-generation", "token-classification", "image-classification",
            "automatic-speech-recognition", "question-answering", "summarization");
    private static final List<String> LICENCES = List.of("apache-2.0", "mit", "bsd-3-clause", "cc-by-4.0", "openrail");

    private final ObjectMapper json;

    SyntheticModels(ObjectMapper json) {
        this.json = json;
    }

    /** The generated repo for {@code synthetic/<name>}, or empty when the name is not a valid repo name. */
    Optional<Repo> repo(String name) {
        if (!NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            return Optional.empty();
        }
        return Optional.of(generate(name));
    }

    record Repo(String id, String sha, byte[] info, byte[] refs, byte[] readme, byte[] config) {
    }

    private Repo generate(String name) {
        byte[] seedBytes = sha256(name);
        SplittableRandom random = new SplittableRandom(ByteBuffer.wrap(seedBytes).getLong());
        String id = ORG + "/" + name;
        String sha = HexFormat.of().formatHex(seedBytes).substring(0, 40);
        String task = TASKS.get(random.nextInt(TASKS.size()));
        String licence = LICENCES.get(random.nextInt(LICENCES.size()));
        long weightsBytes = 8 * MIB + random.nextLong(1024 * MIB);

        byte[] readme = readme(name, task, licence, random).getBytes(StandardCharsets.UTF_8);
        byte[] config = config(name, random);

        ObjectNode info = json.createObjectNode();
        info.put("_id", HexFormat.of().formatHex(seedBytes, 8, 20));
        info.put("id", id);
        info.put("private", false);
        info.put("pipeline_tag", task);
        info.put("library_name", "transformers");
        ArrayNode tags = info.putArray("tags");
        List.of("transformers", "safetensors", task, "synthetic", "license:" + licence, "region:us").forEach(tags::add);
        info.put("downloads", random.nextInt(1_000_000));
        info.put("likes", random.nextInt(5_000));
        info.put("modelId", id);
        info.put("author", ORG);
        info.put("sha", sha);
        info.put("lastModified", "2025-01-01T00:00:00.000Z");
        info.put("gated", false);
        info.put("disabled", false);
        ObjectNode cardData = info.putObject("cardData");
        cardData.put("license", licence);
        cardData.put("pipeline_tag", task);
        cardData.putArray("tags").add("synthetic").add("benchmark");
        ArrayNode siblings = info.putArray("siblings");
        sibling(siblings, ".gitattributes", 1519, gitBlobId(("gitattributes " + name).getBytes(StandardCharsets.UTF_8)));
        sibling(siblings, "README.md", readme.length, gitBlobId(readme));
        sibling(siblings, "config.json", config.length, gitBlobId(config));
        ObjectNode weights = sibling(siblings, "model.safetensors", weightsBytes,
                HexFormat.of().formatHex(sha256("blob " + name)).substring(0, 40));
        ObjectNode lfs = weights.putObject("lfs");
        lfs.put("sha256", HexFormat.of().formatHex(sha256("weights " + name)));
        lfs.put("size", weightsBytes);
        lfs.put("pointerSize", 125 + Long.toString(weightsBytes).length());
        info.put("createdAt", "2025-01-01T00:00:00.000Z");
        info.putObject("safetensors").put("total", weightsBytes / 4).putObject("parameters").put("F32", weightsBytes / 4);
        info.put("usedStorage", 1519 + readme.length + config.length + weightsBytes);

        ObjectNode refs = json.createObjectNode();
        refs.putArray("branches").addObject().put("name", "main").put("ref", "refs/heads/main").put("targetCommit", sha);
        refs.putArray("tags");
        refs.putArray("converts");
        return new Repo(id, sha, bytes(info), bytes(refs), readme, config);
    }

    private static ObjectNode sibling(ArrayNode siblings, String path, long size, String blobId) {
        ObjectNode node = siblings.addObject();
        node.put("rfilename", path);
        node.put("blobId", blobId);
        node.put("size", size);
        return node;
    }

    private static String readme(String name, String task, String licence, SplittableRandom random) {
        StringBuilder text = new StringBuilder(2400);
        text.append("---\nlicense: ").append(licence).append("\nlibrary_name: transformers\npipeline_tag: ").append(task)
                .append("\ntags:\n- synthetic\n- benchmark\n---\n\n# ").append(name).append("\n\n")
                .append(name).append(" is a synthetic ").append(task)
                .append(" model generated for registry benchmarks. It has no real weights.\n\n");
        String[] sections = {"## Model description", "## Intended uses", "## Training data", "## Evaluation"};
        int section = 0;
        while (text.length() < 2000) {
            if (section < sections.length && text.length() > 300 + 420 * section) {
                text.append("\n").append(sections[section++]).append("\n\n");
            }
            text.append(sentence(random)).append(' ');
        }
        return text.append("\n\nCite ").append(name).append(" as a synthetic artifact.\n").toString();
    }

    private static String sentence(SplittableRandom random) {
        int length = 6 + random.nextInt(10);
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return sentence.append('.').toString();
    }

    private byte[] config(String name, SplittableRandom random) {
        ObjectNode config = json.createObjectNode();
        config.put("_name_or_path", ORG + "/" + name);
        config.putArray("architectures").add("BertForSequenceClassification");
        config.put("model_type", "bert");
        int heads = 4 << random.nextInt(3);
        config.put("hidden_size", heads * 64);
        config.put("num_attention_heads", heads);
        config.put("num_hidden_layers", 2 + random.nextInt(22));
        config.put("vocab_size", 30522);
        config.put("transformers_version", "4.44.0");
        return bytes(config);
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise synthetic repo", e);
        }
    }

    /** The git blob id of some bytes, as the hub reports it in {@code blobId}. */
    static String gitBlobId(byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
