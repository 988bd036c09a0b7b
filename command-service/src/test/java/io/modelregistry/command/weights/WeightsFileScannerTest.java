package io.modelregistry.command.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.api.artifact.ScanLevel;
import io.modelregistry.api.artifact.ScannedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeightsFileScannerTest {

    private final WeightsFileScanner scanner = new WeightsFileScanner(WeightsFileScanner.Limits.defaults());

    private ScannedFile scan(String path, byte[] bytes) {
        return scan(scanner, path, bytes);
    }

    /** Scans bytes held in memory, as the ingest scans a stored blob. */
    static ScannedFile scan(WeightsFileScanner scanner, String path, byte[] bytes) {
        return scanner.scan(path, "0".repeat(64), new WeightsFileScanner.Source() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open(long offset, long length) {
                return new ByteArrayInputStream(bytes, (int) offset, (int) length);
            }
        });
    }

    @Test
    void aStateDictOfTensorsInATorchZipIsSafe() throws Exception {
        ScannedFile file = scan("pytorch_model.bin", PickleBytes.torchZip(PickleBytes.benignStateDict(), false));

        assertThat(file.level()).isEqualTo(ScanLevel.SAFE);
        assertThat(file.dangerousImports()).isEmpty();
        assertThat(file.unknownImports()).isEmpty();
        assertThat(file.problem()).isNull();
    }

    @Test
    void aProtocolFourPickleOfTensorsNamedThroughStackGlobalMemoAndBinGetIsSafe() {
        byte[] body = new PickleBytes().emptyDict().memoize()
                .shortBinUnicode("torch._utils").memoize().shortBinUnicode("_rebuild_tensor_v2").memoize()
                .stackGlobal().memoize().pop()
                // the second tensor reuses both strings from the memo, as the pickler does
                .binGet(1).binGet(2).stackGlobal().memoize().pop()
                .shortBinUnicode("collections").memoize().shortBinUnicode("OrderedDict").memoize().stackGlobal()
                .memoize().emptyTuple().reduce().memoize().pop()
                .stop().bytes();
        byte[] pickle = PickleBytes.protocol(4).frame(body.length).raw(body).bytes();

        ScannedFile file = scan("model.pt", pickle);

        assertThat(file.level()).isEqualTo(ScanLevel.SAFE);
        assertThat(file.problem()).isNull();
    }

    @Test
    void osSystemThroughGlobalInALegacyPickleIsDangerous() {
        ScannedFile file = scan("pytorch_model.bin", PickleBytes.globalCall("os", "system", "touch /tmp/pwned"));

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.dangerousImports()).containsExactly("os.system");
    }

    @Test
    void posixSystemThroughStackGlobalWithMemoizedStringsIsDangerous() {
        ScannedFile file = scan("model.ckpt", PickleBytes.stackGlobalCall("posix", "system", "id"));

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.dangerousImports()).containsExactly("posix.system");
    }

    @Test
    void aModuleNameFetchedBackFromTheMemoWithBinGetIsStillResolved() {
        byte[] body = new PickleBytes().shortBinUnicode("os").memoize().pop()
                .shortBinUnicode("harmless").memoize().pop()
                .binGet(0).shortBinUnicode("system").memoize().stackGlobal().memoize()
                .shortBinUnicode("id").tuple1().reduce().stop().bytes();

        ScannedFile file = scan("model.pth", PickleBytes.protocol(4).frame(body.length).raw(body).bytes());

        assertThat(file.dangerousImports()).containsExactly("os.system");
    }

    @Test
    void builtinsEvalIsDangerous() {
        ScannedFile file = scan("weights.pkl", PickleBytes.globalCall("builtins", "eval", "__import__('os')"));

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.dangerousImports()).containsExactly("builtins.eval");
    }

    @Test
    void subprocessNamedWithBinUnicodeInsideADeflatedTorchZipIsDangerous() throws Exception {
        byte[] body = new PickleBytes().binUnicode("subprocess").memoize().binUnicode("Popen").memoize()
                .stackGlobal().memoize().binUnicode("ls").tuple1().reduce().stop().bytes();
        byte[] pickle = PickleBytes.protocol(4).frame(body.length).raw(body).bytes();

        ScannedFile file = scan("pytorch_model.bin", PickleBytes.torchZip(pickle, true));

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.dangerousImports()).containsExactly("subprocess.Popen");
    }

    @Test
    void aProtocolZeroInstOfSubprocessIsDangerous() {
        byte[] pickle = PickleBytes.protocol0().mark().string("ls").inst("subprocess", "check_output").stop().bytes();

        ScannedFile file = scan("model.pkl", pickle);

        assertThat(file.dangerousImports()).containsExactly("subprocess.check_output");
    }

    @Test
    void aSubmoduleOfADangerousModuleIsDangerousToo() {
        assertThat(scan("a.pkl", PickleBytes.globalCall("os.path", "join", "x")).level())
                .isEqualTo(ScanLevel.DANGEROUS);
        assertThat(scan("a.pkl", PickleBytes.globalCall("subprocess._posixsubprocess", "fork_exec", "x"))
                .dangerousImports()).containsExactly("subprocess._posixsubprocess.fork_exec");
    }

    @Test
    void aDottedNameThatReachesADangerousAttributeIsDangerous() {
        // protocol 4's find_class walks dots: builtins / "eval.__call__" imports eval
        assertThat(scan("a.pkl", PickleBytes.stackGlobalCall("builtins", "eval.__call__", "1")).level())
                .isEqualTo(ScanLevel.DANGEROUS);
        // torch.FloatStorage is safe, an attribute path from it is not known to be
        assertThat(scan("a.pkl", PickleBytes.stackGlobalCall("torch", "FloatStorage.__init__", "1")).level())
                .isEqualTo(ScanLevel.SUSPICIOUS);
    }

    @Test
    void anImportOnNeitherListIsSuspiciousAndNamed() {
        ScannedFile file = scan("model.pt", PickleBytes.globalCall("__main__", "MyModel", "x"));

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.unknownImports()).containsExactly("__main__.MyModel");
        assertThat(file.dangerousImports()).isEmpty();
    }

    @Test
    void anImportWhoseNameIsComputedIsDangerous() {
        // the module name is the result of a call, not a string the scanner can read
        byte[] body = new PickleBytes().global("collections", "OrderedDict").emptyTuple().reduce()
                .shortBinUnicode("system").stackGlobal().stop().bytes();

        ScannedFile file = scan("model.pt", PickleBytes.protocol(4).frame(body.length).raw(body).bytes());

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.dangerousImports()).containsExactly("<unresolved>");
    }

    @Test
    void aTruncatedPickleIsAFindingThatKeepsTheImportsSeenBeforeTheCut() {
        byte[] whole = PickleBytes.globalCall("os", "system", "id");
        byte[] cut = Arrays.copyOf(whole, whole.length - 4);

        ScannedFile file = scan("model.bin", cut);

        assertThat(file.level()).isEqualTo(ScanLevel.DANGEROUS);
        assertThat(file.problem()).contains("could not be parsed");
    }

    @Test
    void aMalformedPickleIsSuspiciousNotACrash() {
        byte[] pickle = PickleBytes.protocol(2).op('t').stop().bytes(); // TUPLE without a MARK

        ScannedFile file = scan("model.bin", pickle);

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("could not be parsed").contains("MARK");
    }

    @Test
    void anUnknownOpcodeIsSuspicious() {
        ScannedFile file = scan("model.bin", PickleBytes.protocol(2).raw(0xF0).stop().bytes());

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("unknown opcode 0xf0");
    }

    @Test
    void aFileThatIsNoPickleAtAllIsSafeWithANote() {
        byte[] notPickle = new byte[] {(byte) 0xFF, 1, 2, 3, 4, 5};

        ScannedFile file = scan("ggml-model.bin", notPickle);

        assertThat(file.level()).isEqualTo(ScanLevel.SAFE);
        assertThat(file.problem()).contains("not a pickle");
    }

    @Test
    void everyPickleOfALegacyTorchFileIsReadAndTheRawBytesAfterThemAreNot() {
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        legacy.writeBytes(PickleBytes.protocol(2).op(0x8a).raw(10).raw(new byte[10]).stop().bytes()); // magic
        legacy.writeBytes(PickleBytes.protocol(2).binInt1(1001).stop().bytes()); // protocol version
        legacy.writeBytes(PickleBytes.globalCall("os", "system", "id")); // the "state dict"
        legacy.writeBytes(new byte[] {'t', 'o', 'r', 'c', 'h', 0x00, (byte) 0xF0}); // raw storage bytes

        ScannedFile file = scan("pytorch_model.bin", legacy.toByteArray());

        assertThat(file.dangerousImports()).containsExactly("os.system");
        assertThat(file.problem()).isNull();
    }

    @Test
    void aLargeBinaryArgumentIsSkippedNotHeld() {
        byte[] pickle = PickleBytes.protocol(4).binBytes(new byte[5_000_000])
                .global("numpy.core.multiarray", "_reconstruct").stop().bytes();

        ScannedFile file = scan("array.pkl", pickle);

        assertThat(file.level()).isEqualTo(ScanLevel.SAFE);
    }

    @Test
    void aPickleOverTheOpcodeBudgetIsSuspiciousWithTheReason() {
        PickleBytes many = PickleBytes.protocol(2);
        for (int i = 0; i < 2_000; i++) {
            many.op('N').pop();
        }
        byte[] pickle = many.stop().bytes();
        WeightsFileScanner small = new WeightsFileScanner(new WeightsFileScanner.Limits(1 << 20, 1_000, 100,
                1 << 20, Duration.ofMinutes(1)));

        ScannedFile file = scan(small, "model.bin", pickle);

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("more than 1000 opcodes");
    }

    @Test
    void aPickleOverTheByteBudgetIsSuspiciousWithTheReason() {
        byte[] pickle = PickleBytes.protocol(4).binBytes(new byte[4096]).stop().bytes();
        WeightsFileScanner small = new WeightsFileScanner(new WeightsFileScanner.Limits(1024, 1_000, 100,
                1 << 20, Duration.ofMinutes(1)));

        ScannedFile file = scan(small, "model.bin", pickle);

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("1024 bytes");
    }

    @Test
    void aZipWithMoreEntriesThanTheBoundIsNotScannedAndSaysSo() throws Exception {
        WeightsFileScanner small = new WeightsFileScanner(new WeightsFileScanner.Limits(1 << 20, 1_000, 3,
                1 << 20, Duration.ofMinutes(1)));

        ScannedFile file = scan(small, "model.pt", PickleBytes.torchZip(PickleBytes.benignStateDict(), false));

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("more than 3 entries");
    }

    @Test
    void aZipWithACorruptCentralDirectoryIsSuspicious() throws Exception {
        byte[] zip = PickleBytes.torchZip(PickleBytes.benignStateDict(), false);
        byte[] corrupt = Arrays.copyOf(zip, zip.length - 10); // the end record is cut

        ScannedFile file = scan("model.pt", corrupt);

        assertThat(file.level()).isEqualTo(ScanLevel.SUSPICIOUS);
        assertThat(file.problem()).contains("could not be parsed");
    }

    @Test
    void onlyPickleBasedFileNamesAreScanned() {
        assertThat(WeightsFileScanner.isPickleBased("pytorch_model.bin")).isTrue();
        assertThat(WeightsFileScanner.isPickleBased("sub/model.PT")).isTrue();
        assertThat(WeightsFileScanner.isPickleBased("a.pth")).isTrue();
        assertThat(WeightsFileScanner.isPickleBased("a.ckpt")).isTrue();
        assertThat(WeightsFileScanner.isPickleBased("a.pkl")).isTrue();
        assertThat(WeightsFileScanner.isPickleBased("model.safetensors")).isFalse();
        assertThat(WeightsFileScanner.isPickleBased("config.json")).isFalse();
    }
}
