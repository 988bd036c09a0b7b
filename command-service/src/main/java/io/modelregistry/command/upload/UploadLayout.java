package io.modelregistry.command.upload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.artifact.Aspect;
import io.modelregistry.api.error.RegistryException;
import java.util.List;

/**
 * The least an upload of each type must hold, laid out like a HuggingFace repository (paths relative to the zip's
 * root, or to its one top-level folder):
 * <ul>
 *   <li>model: a {@code README.md} (the model card) and a {@code config.json} or at least one weights file
 *       (safetensors, bin, pt, onnx, gguf, ... as {@link Aspect#WEIGHTS} decides), anywhere;</li>
 *   <li>dataset: a {@code README.md} (the dataset card) and at least one other file (the data, in any format);</li>
 *   <li>code: at least one source file ({@link Aspect#CODE}: Python, notebooks, shell, Java, ...).</li>
 * </ul>
 */
final class UploadLayout {

    static final String README = "README.md";
    static final String CONFIG = "config.json";

    private UploadLayout() {
    }

    static void check(ArtifactType type, List<String> paths) {
        boolean readme = paths.stream().anyMatch(README::equalsIgnoreCase);
        switch (type) {
            case MODEL -> {
                boolean config = paths.contains(CONFIG);
                boolean weights = paths.stream().anyMatch(p -> Aspect.of(p) == Aspect.WEIGHTS);
                if (!readme || !(config || weights)) {
                    throw ErrorMessage.UPLOAD_MODEL_UPLOAD_MUST_HOLD.exception((readme ? "; it has no config.json and no weights file." : "; it has no README.md."));
                }
            }
            case DATASET -> {
                if (!readme || paths.size() < 2) {
                    throw ErrorMessage.UPLOAD_DATASET_UPLOAD_MUST_HOLD.exception();
                }
            }
            case CODE -> {
                if (paths.stream().noneMatch(p -> Aspect.of(p) == Aspect.CODE)) {
                    throw ErrorMessage.UPLOAD_CODE_UPLOAD_MUST_HOLD.exception();
                }
            }
        }
    }
}
