package io.modelregistry.command.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds pickles opcode by opcode, as CPython's pickler writes them, for tests (there is no Python here to write
 * them). Each method appends one opcode and its argument.
 */
public final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBytes protocol(int version) {
        PickleBytes pickle = new PickleBytes();
        pickle.op(0x80).raw(version);
        return pickle;
    }

    static PickleBytes protocol0() {
        return new PickleBytes();
    }

    PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    private PickleBytes le(long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    /** FRAME with the length of what follows (protocol 4 frames everything after PROTO). */
    PickleBytes frame(long length) {
        return op(0x95).le(length, 8);
    }

    PickleBytes global(String module, String name) {
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    PickleBytes inst(String module, String name) {
        return op('i').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    PickleBytes stackGlobal() {
        return op(0x93);
    }

    PickleBytes shortBinUnicode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return op(0x8c).raw(bytes.length).raw(bytes);
    }

    PickleBytes binUnicode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return op('X').le(bytes.length, 4).raw(bytes);
    }

    PickleBytes string(String text) {
        return op('S').raw(("'" + text + "'\n").getBytes(StandardCharsets.UTF_8));
    }

    PickleBytes binBytes(byte[] bytes) {
        return op('B').le(bytes.length, 4).raw(bytes);
    }

    PickleBytes memoize() {
        return op(0x94);
    }

    PickleBytes binPut(int index) {
        return op('q').raw(index);
    }

    PickleBytes binGet(int index) {
        return op('h').raw(index);
    }

    PickleBytes binInt1(int value) {
        return op('K').raw(value);
    }

    PickleBytes mark() {
        return op('(');
    }

    PickleBytes tuple() {
        return op('t');
    }

    PickleBytes tuple1() {
        return op(0x85);
    }

    PickleBytes tuple2() {
        return op(0x86);
    }

    PickleBytes emptyTuple() {
        return op(')');
    }

    PickleBytes emptyDict() {
        return op('}');
    }

    PickleBytes reduce() {
        return op('R');
    }

    PickleBytes binPersId() {
        return op('Q');
    }

    PickleBytes newFalse() {
        return op(0x89);
    }

    PickleBytes setItems() {
        return op('u');
    }

    PickleBytes pop() {
        return op('0');
    }

    PickleBytes stop() {
        return op('.');
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A protocol-2 state dict of one float tensor, as {@code torch.save({"weight": t})} writes its data.pkl. */
    public static byte[] benignStateDict() {
        return protocol(2).emptyDict().binPut(0).mark()
                .binUnicode("weight").binPut(1)
                .global("torch._utils", "_rebuild_tensor_v2").binPut(2)
                .mark()
                .mark().binUnicode("storage").binPut(3).global("torch", "FloatStorage").binPut(4)
                .binUnicode("0").binPut(5).binUnicode("cpu").binPut(6).binInt1(4).tuple().binPut(7).binPersId()
                .binInt1(0).binInt1(2).binInt1(2).tuple2().binPut(8).binInt1(2).binInt1(1).tuple2().binPut(9)
                .newFalse().global("collections", "OrderedDict").binPut(10).emptyTuple().reduce().binPut(11)
                .tuple().binPut(12).reduce().binPut(13)
                .setItems().stop().bytes();
    }

    /** A protocol-4 pickle that calls {@code module.name(argument)}, naming both through STACK_GLOBAL. */
    public static byte[] stackGlobalCall(String module, String name, String argument) {
        byte[] body = new PickleBytes().shortBinUnicode(module).memoize().shortBinUnicode(name).memoize()
                .stackGlobal().memoize().shortBinUnicode(argument).memoize().tuple1().memoize().reduce().memoize()
                .stop().bytes();
        return protocol(4).frame(body.length).raw(body).bytes();
    }

    /** A protocol-2 pickle that calls {@code module.name(argument)} through GLOBAL. */
    public static byte[] globalCall(String module, String name, String argument) {
        return protocol(2).global(module, name).binPut(0).binUnicode(argument).binPut(1).tuple1().binPut(2)
                .reduce().binPut(3).stop().bytes();
    }

    /** A zip laid out as {@code torch.save} writes one (STORED entries under {@code archive/}). */
    public static byte[] torchZip(byte[] dataPkl, boolean deflated) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            entry(out, "archive/data.pkl", dataPkl, deflated);
            entry(out, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII), false);
            entry(out, "archive/data/0", new byte[16], false);
            entry(out, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII), false);
            entry(out, "archive/.data/serialization_id", "1234567890".getBytes(StandardCharsets.US_ASCII), false);
        }
        return zip.toByteArray();
    }

    private static void entry(ZipOutputStream out, String name, byte[] bytes, boolean deflated) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (!deflated) {
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }
}
