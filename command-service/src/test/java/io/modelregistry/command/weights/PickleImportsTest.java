package io.modelregistry.command.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelregistry.command.weights.PickleImports.Import;
import io.modelregistry.command.weights.PickleImports.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pickle reader opcode by opcode: a malicious pickle may spell a module name with any opcode that pushes text,
 * and fetch it back through any memo opcode, in any protocol (the unpickler accepts every opcode whatever the
 * header says), so each one must still name the import; every other opcode must keep the stack right, so that the
 * import after it is seen; and what is not a well-formed pickle is a finding with its reason, never a crash.
 */
class PickleImportsTest {

    private static Result read(byte[] pickle) throws IOException {
        return PickleImports.read(new ByteArrayInputStream(pickle), ScanBudget.of(1 << 20, 100_000, Duration.ofSeconds(10)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] le(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** The module and name of {@code os.system} pushed by one text opcode each, then STACK_GLOBAL and a call. */
    static Stream<Arguments> textOpcodes() {
        return Stream.of(
                Arguments.of("UNICODE (protocol 0 text line)", (int) 'V'),
                Arguments.of("SHORT_BINSTRING", (int) 'U'),
                Arguments.of("BINSTRING", (int) 'T'),
                Arguments.of("BINUNICODE8", 0x8d));
    }

    private static PickleBytes push(PickleBytes pickle, int opcode, String text) {
        byte[] bytes = ascii(text);
        return switch (opcode) {
            case 'V' -> pickle.op('V').raw(ascii(text + "\n"));
            case 'U' -> pickle.op('U').raw(bytes.length).raw(bytes);
            case 'T' -> pickle.op('T').raw(le(bytes.length, 4)).raw(bytes);
            case 0x8d -> pickle.op(0x8d).raw(le(bytes.length, 8)).raw(bytes);
            default -> throw new IllegalArgumentException("not a text opcode: " + opcode);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textOpcodes")
    void aModuleNameSpelledWithAnyTextOpcodeStillNamesTheImport(String opcode, int code) throws Exception {
        PickleBytes pickle = push(push(PickleBytes.protocol(2), code, "os"), code, "system").stackGlobal();
        byte[] bytes = push(pickle, code, "id").tuple1().reduce().stop().bytes();

        Result result = read(bytes);

        assertThat(result.imports()).containsExactly(new Import("os", "system"));
        assertThat(result.problem()).isNull();
    }

    @Test
    void namesStoredAndFetchedWithTheTextAndFourByteMemoOpcodesStillNameTheImport() throws Exception {
        byte[] bytes = PickleBytes.protocol0()
                .op('V').raw(ascii("os\n")).op('p').raw(ascii("7\n")).pop() // PUT 7
                .op('V').raw(ascii("system\n")).op('r').raw(le(70_000, 4)).pop() // LONG_BINPUT 70000
                .op('g').raw(ascii("7\n")) // GET 7
                .op('j').raw(le(70_000, 4)) // LONG_BINGET 70000
                .stackGlobal().stop().bytes();

        assertThat(read(bytes).imports()).containsExactly(new Import("os", "system"));
    }

    @Test
    void aNameDuplicatedOnTheStackStillNamesTheImport() throws Exception {
        byte[] bytes = PickleBytes.protocol(4).shortBinUnicode("subprocess").op('2') // DUP
                .pop().shortBinUnicode("run").stackGlobal().stop().bytes();

        assertThat(read(bytes).imports()).containsExactly(new Import("subprocess", "run"));
    }

    @Test
    void aClassNamedThroughTheExtensionRegistryIsAnImportWithItsCode() throws Exception {
        byte[] bytes = PickleBytes.protocol(2).op(0x82).raw(5).pop() // EXT1
                .op(0x83).raw(le(300, 2)).pop() // EXT2
                .op(0x84).raw(le(70_000, 4)).stop().bytes(); // EXT4

        assertThat(read(bytes).imports()).containsExactly(new Import("copyreg.extension", "5"),
                new Import("copyreg.extension", "300"), new Import("copyreg.extension", "70000"));
    }

    /**
     * Every opcode that only moves values: numbers, bytes, buffers, persistent ids, objects built and filled. The
     * GLOBAL at the end is seen only if each of them took and left what CPython's unpickler does.
     */
    @Test
    void opcodesThatOnlyMoveValuesKeepTheStackSoTheImportAfterThemIsSeen() throws Exception {
        byte[] bytes = PickleBytes.protocol(5)
                .op('M').raw(le(1, 2)).op('J').raw(le(2, 4)).op('G').raw(new byte[8]) // BININT2, BININT, BINFLOAT
                .op('I').raw(ascii("3\n")).op('L').raw(ascii("4L\n")).op('F').raw(ascii("5.0\n"))
                .op(0x8b).raw(le(2, 4)).raw(1, 0) // LONG4
                .op('C').raw(2).raw(7, 7) // SHORT_BINBYTES
                .op(0x8e).raw(le(1, 8)).raw(9) // BINBYTES8
                .op(0x96).raw(le(1, 8)).raw(9) // BYTEARRAY8
                .op(0x87) // TUPLE3 of the last three
                .op(0x97).op(0x98) // NEXT_BUFFER, READONLY_BUFFER
                .op('P').raw(ascii("storage-1\n")) // PERSID
                .mark().op('1') // POP_MARK of an empty mark
                .emptyDict().binInt1(1).binInt1(2).op('s') // SETITEM
                .op(']').binInt1(3).op('a') // APPEND
                .mark().binInt1(4).op('e') // APPENDS
                .emptyTuple().emptyDict().op('b') // BUILD
                .emptyTuple().emptyTuple().emptyDict().op(0x92) // NEWOBJ_EX
                .mark().emptyTuple().binInt1(1).op('o') // OBJ
                .global("collections", "OrderedDict").stop().bytes();

        Result result = read(bytes);

        assertThat(result.problem()).isNull();
        assertThat(result.imports()).containsExactly(new Import("collections", "OrderedDict"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("OBJ without a class", PickleBytes.protocol(2).mark().op('o').stop().bytes(),
                        "OBJ without a class"),
                Arguments.of("an unquoted STRING", PickleBytes.protocol0().op('S').raw(ascii("os\n")).stop().bytes(),
                        "a STRING argument is not quoted"),
                Arguments.of("a PUT index that is no number", PickleBytes.protocol0().op('N').op('p')
                        .raw(ascii("seven\n")).stop().bytes(), "a memo index is not a number"),
                Arguments.of("a negative eight-byte length", PickleBytes.protocol(4).op(0x8d).raw(le(-1, 8)).stop()
                        .bytes(), "a length is negative"),
                Arguments.of("a cut inside a length", PickleBytes.protocol(2).op('T').raw(1, 0).bytes(),
                        "the pickle ends inside an argument"),
                Arguments.of("a cut inside a string", PickleBytes.protocol(2).op('X').raw(le(10, 4)).raw(ascii("os"))
                        .bytes(), "the pickle ends inside an argument"),
                Arguments.of("a cut inside a text line", PickleBytes.protocol0().op('c').raw(ascii("os")).bytes(),
                        "the pickle ends inside a text line"),
                Arguments.of("a text line over 4096 bytes", PickleBytes.protocol0().op('V')
                        .raw(ascii("a".repeat(5000) + "\n")).stop().bytes(), "a text line is longer than 4096 bytes"),
                Arguments.of("a POP of an empty stack", PickleBytes.protocol(2).pop().stop().bytes(),
                        "the stack holds fewer values than an opcode takes"),
                Arguments.of("a POP_MARK without a MARK", PickleBytes.protocol(2).op('1').stop().bytes(),
                        "an opcode needs a MARK and there is none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedPickleIsAFindingWithItsReasonNotACrash(String what, byte[] pickle, String reason) throws Exception {
        Result result = read(pickle);

        assertThat(result.notPickle()).isFalse();
        assertThat(result.problem()).startsWith("could not be parsed: " + reason);
    }

    @Test
    void aFileOfMoreThanSixtyFourPicklesIsAFindingAndTheImportsOfTheFirstOnesAreKept() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(PickleBytes.globalCall("os", "system", "id"));
        for (int i = 0; i < 70; i++) {
            file.writeBytes(PickleBytes.protocol(2).newFalse().stop().bytes());
        }

        Result result = read(file.toByteArray());

        assertThat(result.problem()).isEqualTo("more than 64 pickles in one file");
        assertThat(result.imports()).containsExactly(new Import("os", "system"));
    }
}
