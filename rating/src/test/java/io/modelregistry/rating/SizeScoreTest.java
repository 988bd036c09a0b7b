package io.modelregistry.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.PackageFile;
import io.modelregistry.api.rating.SizeScores;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeScoreTest {

    private final SizeScore metric = new SizeScore();

    @Test
    void neverDecreasesFromRaspberryPiToAwsServerAtAnySize() {
        for (long mb = 0; mb <= 200_000; mb += mb < 2_000 ? 7 : 997) {
            SizeScores s = SizeScore.forBytes(mb * SizeScore.MB);
            assertThat(s.raspberryPi()).as(mb + " MB").isLessThanOrEqualTo(s.jetsonNano());
            assertThat(s.jetsonNano()).as(mb + " MB").isLessThanOrEqualTo(s.desktopPc());
            assertThat(s.desktopPc()).as(mb + " MB").isLessThanOrEqualTo(s.awsServer());
            assertThat(s.raspberryPi()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void calibratedNearTheReferenceRatings() {
        SizeScores bert = SizeScore.forBytes(440_449_768L);
        assertThat(bert.raspberryPi()).isBetween(0.15, 0.4);
        assertThat(bert.jetsonNano()).isBetween(0.35, 0.55);
        assertThat(bert.desktopPc()).isGreaterThanOrEqualTo(0.95);
        SizeScores whisper = SizeScore.forBytes(151_061_672L);
        assertThat(whisper.raspberryPi()).isBetween(0.85, 0.95);
        assertThat(whisper.jetsonNano()).isBetween(0.9, 1.0);
    }

    @Test
    void oneCopyOfTheWeightsCountsNotEveryFormat() {
        var bert = metric.compute(Subjects.fixture("google-bert/bert-base-uncased").build());
        assertThat(bert.reason()).startsWith("safetensors weights of 440.4 MB");
        assertThat(bert.sizes().best()).isEqualTo(1.0);
    }

    @Test
    void shardsAreSummedAndQuantisedVariantsAreNot() {
        var sharded = WeightFiles.of(List.of(file("model-00001-of-00002.safetensors", 400), file("model-00002-of-00002.safetensors", 300),
                file("pytorch_model.bin", 900))).orElseThrow();
        assertThat(sharded.format()).isEqualTo("safetensors");
        assertThat(sharded.bytes()).isEqualTo(700);
        var onnx = WeightFiles.of(List.of(file("onnx/model.onnx", 94), file("onnx/model_q4.onnx", 15),
                file("onnx/model_fp16.onnx", 47))).orElseThrow();
        assertThat(onnx.bytes()).isEqualTo(94);
        var diffusers = WeightFiles.of(List.of(file("unet/diffusion_pytorch_model.safetensors", 3000),
                file("vae/diffusion_pytorch_model.safetensors", 300))).orElseThrow();
        assertThat(diffusers.bytes()).isEqualTo(3300);
        assertThat(WeightFiles.of(List.of(file("training_args.bin", 3000), file("README.md", 10)))).isEmpty();
    }

    @Test
    void withoutWeightsTheWholeDownloadCounts() {
        var value = metric.compute(Subjects.model("a/b").file("README.md", 700_000_000L).build());
        assertThat(value.reason()).startsWith("no weight files listed");
        assertThat(value.sizes().raspberryPi()).isZero();
        var empty = metric.compute(Subjects.model("a/b").build());
        assertThat(empty.sizes().raspberryPi()).isEqualTo(1.0);
    }

    private static PackageFile file(String path, long bytes) {
        return new PackageFile(path, bytes, null, false);
    }
}
