package io.modelregistry.command.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ScanLevel;
import io.modelregistry.api.artifact.ScannedFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The scanner finds the pickles of a torch zip by its central directory, so every way a zip may lay that directory
 * out must lead to the same pickle. A malicious file may use any of them, Zip64 above all: torch writes it for
 * large models, and a reader that ignored it would scan nothing. A directory that points outside the file, or at
 * something that is not a local header, is a finding with its reason. The zips are laid out by hand, byte by byte
 * (the JDK writes Zip64 only past 4 GiB).
 */
class WeightsZipLayoutTest {

    private static final String PICKLE = "archive/data.pkl";

    private final WeightsFileScanner scanner = new WeightsFileScanner(WeightsFileScanner.Limits.defaults());

    private ScannedFile scan(byte[] bytes) {
        return WeightsFileScannerTest.scan(scanner, "model.pt", bytes);
    }

    /** How the one entry's directory record and the end records are written. */
    private static final class Layout {
        String name = PICKLE;
        int method = 0;
        boolean zip64;
        long localOffsetShift;
        long directoryOffsetShift;
    }

    private static byte[] zip(byte[] content, Consumer<Layout> change) {
        Layout layout = new Layout();
        change.accept(layout);
        byte[] name = layout.name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1024 + content.length).order(ByteOrder.LITTLE_ENDIAN);
        // local file header
        out.putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                .putShort((short) layout.method).putInt(0).putInt(0).putInt(content.length).putInt(content.length)
                .putShort((short) name.length).putShort((short) 0).put(name).put(content);
        long directory = out.position();
        long local = layout.localOffsetShift;
        byte[] extra = new byte[0];
        if (layout.zip64) {
            extra = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 16)
                    .putLong(content.length).putLong(local).array();
        }
        // central directory header
        out.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0)
                .putShort((short) layout.method).putInt(0).putInt(0)
                .putInt(layout.zip64 ? 0xFFFFFFFF : content.length).putInt(content.length)
                .putShort((short) name.length).putShort((short) extra.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(layout.zip64 ? 0xFFFFFFFF : (int) local).put(name).put(extra);
        long directorySize = out.position() - directory;
        long directoryOffset = directory + layout.directoryOffsetShift;
        if (layout.zip64) {
            long record = out.position();
            out.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(1).putLong(1).putLong(directorySize).putLong(directoryOffset);
            out.putInt(0x07064b50).putInt(0).putLong(record).putInt(1);
        }
        out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (layout.zip64 ? 0xFFFF : 1)).putShort((short) (layout.zip64 ? 0xFFFF : 1))
                .putInt(layout.zip64 ? 0xFFFFFFFF : (int) directorySize)
                .putInt(layout.zip64 ? 0xFFFFFFFF : (int) directoryOffset).putShort((short) 0);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static final byte[] OS_SYSTEM = PickleBytes.globalCall("os", "system", "id");

    @Test
    void aHandLaidZipWithoutZip64IsScannedAsTorchWritesOne() {
        ScannedFile file = scan(zip(OS_SYSTEM, layout -> { }));

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.dangerousImports()).containsExactly("os.system");
    }

    @Test
    void aPickleWhoseSizeAndOffsetAreInZip64FieldsIsStillFoundAndScanned() {
        ScannedFile file = scan(zip(OS_SYSTEM, layout -> layout.zip64 = true));

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.dangerousImports()).containsExactly("os.system");
    }

    @Test
    void aZipWithNoPickleInsideIsSafeWithANote() {
        ScannedFile file = scan(zip(OS_SYSTEM, layout -> layout.name = "archive/data/0"));

        assertThat(file.level()).isEqualTo(ScanLevel.SAFE);
        assertThat(file.problem()).contains("a zip with no pickle inside");
    }

    @Test
    void aPickleStoredWithACompressionNoLoaderReadsIsAFinding() {
        ScannedFile file = scan(zip(OS_SYSTEM, layout -> layout.method = 12));

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("the zip entry " + PICKLE + " uses compression method 12");
    }

    @Test
    void aDirectoryThatPointsAtNoLocalHeaderIsAFinding() {
        ScannedFile file = scan(zip(OS_SYSTEM, layout -> layout.localOffsetShift = 4));

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("has no local header where its directory says");
    }

    @Test
    void anEntryWhoseLocalHeaderIsPastTheFileIsAFinding() {
        ScannedFile file = scan(zip(OS_SYSTEM, layout -> {
            layout.zip64 = true;
            layout.localOffsetShift = 1L << 40;
        }));

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("a zip record lies outside the file");
    }

    @Test
    void aCentralDirectoryOutsideTheFileIsAFinding() {
        ScannedFile file = scan(zip(OS_SYSTEM, layout -> layout.directoryOffsetShift = 1 << 20));

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("its central directory is outside the file or too large");
    }

    @Test
    void aZip64LocatorThatNamesNoZip64RecordIsAFinding() {
        byte[] bytes = zip(OS_SYSTEM, layout -> layout.zip64 = true);
        // the Zip64 end record starts 56 + 20 + 22 bytes before the end: spoil its signature
        bytes[bytes.length - 98] = 0;

        ScannedFile file = scan(bytes);

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("its Zip64 locator names no Zip64 end record");
    }
}
