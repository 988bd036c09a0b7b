package io.modelregistry.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ModelPackagesTest {

    private final ModelPackages packages = new ModelPackages(42, 2 * 1024, 2 * 1024 * 1024);

    @Test
    void everyPackageIsARepositoryLayoutWithACardAConfigAndSafetensorsWeights() throws Exception {
        for (int i = 0; i < 6; i++) {
            Map<String, byte[]> files = entries(packages.zip(i, "m" + i));
            assertThat(files).containsKeys("README.md", "config.json", "model.safetensors");
            assertThat(new String(files.get("README.md"))).startsWith("---\nlicense: ").contains("# m" + i);
            byte[] weights = files.get("model.safetensors");
            long headerLength = java.nio.ByteBuffer.wrap(weights, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            String header = new String(weights, 8, (int) headerLength);
            assertThat(header).startsWith("{\"weight\":{\"dtype\":\"F32\"");
            long floats = Long.parseLong(header.replaceAll(".*\"shape\":\\[(\\d+)\\].*", "$1"));
            assertThat(weights.length).isEqualTo(8 + headerLength + 4 * floats);
        }
    }

    @Test
    void noTwoPackagesShareAWeightsFileAndTheSameIndexGivesTheSameBytes() throws Exception {
        Set<String> digests = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(digests.add(sha256(entries(packages.zip(i, "m")).get("model.safetensors")))).isTrue();
        }
        assertThat(packages.zip(7, "m")).isEqualTo(new ModelPackages(42, 2 * 1024, 2 * 1024 * 1024).zip(7, "m"));
    }

    @Test
    void sizesSpreadOverTheWholeRangeWithinTheBounds() {
        long min = Long.MAX_VALUE;
        long max = 0;
        int small = 0;
        for (int i = 0; i < 500; i++) {
            long size = packages.zip(i, "m").length;
            assertThat(size).isBetween(1024L, 2L * 1024 * 1024 + 4096);
            min = Math.min(min, size);
            max = Math.max(max, size);
            if (size < 64 * 1024) {
                small++;
            }
        }
        assertThat(min).as("the smallest of 500").isLessThan(8 * 1024);
        assertThat(max).as("the largest of 500").isGreaterThan(1024 * 1024);
        assertThat(small).as("log-uniform: half of the packages below the geometric middle, 64 KiB").isBetween(200, 300);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
