package io.modelregistry.command.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zips made by the tests themselves, including malformed and malicious ones patched at the byte level. */
public final class TestZips {

    private TestZips() {
    }

    public static Map<String, byte[]> files(String... namesAndTexts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            files.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** Deflated entries with the given names and bytes, in order. */
    public static byte[] zip(Map<String, byte[]> files) {
        return zip(files, ZipArchiveEntry.DEFLATED);
    }

    public static byte[] zip(Map<String, byte[]> files, int method) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getKey());
                entry.setMethod(method);
                if (method == ZipArchiveEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(file.getValue());
                    entry.setSize(file.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                out.putArchiveEntry(entry);
                out.write(file.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Deflated entries written by java.util.zip, which writes every name exactly as given. */
    public static byte[] plainZip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** One entry with the given unix mode (e.g. {@code 0120777} for a symlink whose bytes are its target). */
    public static byte[] withUnixMode(Map<String, byte[]> files, String name, int mode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getKey());
                if (file.getKey().equals(name)) {
                    entry.setUnixMode(mode);
                }
                out.putArchiveEntry(entry);
                out.write(file.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The offset of the first central directory record. */
    private static int centralDirectory(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        return b.getInt(zip.length - 22 + 16);
    }

    /** Sets the encryption flag of every entry, in local and central headers. */
    public static byte[] encrypted(byte[] zip) {
        byte[] out = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= out.length; i++) {
            int sig = b.getInt(i);
            if (sig == 0x04034b50) {
                b.putShort(i + 6, (short) (b.getShort(i + 6) | 1));
            } else if (sig == 0x02014b50) {
                b.putShort(i + 8, (short) (b.getShort(i + 8) | 1));
            }
        }
        return out;
    }

    /** Declares {@code declared} as the first central record's uncompressed size (the data is unchanged). */
    public static byte[] lyingSize(byte[] zip, int declared) {
        byte[] out = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(centralDirectory(out) + 24, declared);
        return out;
    }

    /**
     * A zip of one stored entry whose central directory has {@code copies} records, all naming the same local
     * header and data under different names: an overlapping-entry bomb.
     */
    public static byte[] overlapping(byte[] data, int copies) {
        byte[] single = zip(Map.of("a0.bin", data), ZipArchiveEntry.STORED);
        int cd = centralDirectory(single);
        ByteBuffer b = ByteBuffer.wrap(single).order(ByteOrder.LITTLE_ENDIAN);
        int nameLength = b.getShort(cd + 28) & 0xFFFF;
        int extraLength = b.getShort(cd + 30) & 0xFFFF;
        int commentLength = b.getShort(cd + 32) & 0xFFFF;
        int recordLength = 46 + nameLength + extraLength + commentLength;
        byte[] record = Arrays.copyOfRange(single, cd, cd + recordLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(single, 0, cd);
        for (int i = 0; i < copies; i++) {
            byte[] copy = record.clone();
            byte[] name = String.format("a%d.bin", i).getBytes(StandardCharsets.US_ASCII);
            if (name.length != nameLength) {
                throw new IllegalArgumentException("keep copies below 10");
            }
            System.arraycopy(name, 0, copy, 46, name.length);
            out.write(copy, 0, copy.length);
        }
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) copies)
                .putShort((short) copies).putInt(copies * recordLength).putInt(cd).putShort((short) 0);
        out.write(end.array(), 0, 22);
        return out.toByteArray();
    }

    /** A minimal model: card, config and a small weights file. */
    public static Map<String, byte[]> model(String card) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.md", card.getBytes(StandardCharsets.UTF_8));
        files.put("config.json", "{\"model_type\": \"llama\", \"hidden_size\": 64}".getBytes(StandardCharsets.UTF_8));
        byte[] weights = new byte[200_000];
        new java.util.Random(7).nextBytes(weights);
        files.put("model.safetensors", weights);
        return files;
    }
}
