package io.modelregistry.command.upload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts a zip's central directory records on disk before the zip library reads them into memory. A zip library
 * holds one object per record and reads records one after another until the signature stops matching, whatever
 * the end record declares; a 8 GB upload of minimal records would be a hundred million objects. So this finds the
 * end record the way readers do (the last {@code PK\5\6} within 64 KiB of the end, or its Zip64 counterpart named
 * by the locator just before it), then walks the records from the directory's offset by their own length fields,
 * reading 46 bytes of each, and stops at {@code limit + 1}. It checks only what bounds memory; every other rule is
 * checked on the library's view of the entries.
 */
final class CentralDirectoryScan {

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CFH_SIG = 0x02014b50;
    private static final int EOCD_MIN = 22;
    private static final int CFH_MIN = 46;
    private static final int MAX_COMMENT = 0xFFFF;

    private CentralDirectoryScan() {
    }

    /** @return the number of central directory records, refusing (400) a zip with more than {@code limit} */
    static long count(Path zip, int limit) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length < EOCD_MIN) {
                throw notAZip();
            }
            long eocd = findEndRecord(channel, length);
            ByteBuffer end = read(channel, eocd, EOCD_MIN);
            long declared = end.getShort(10) & 0xFFFFL;
            long offset = end.getInt(16) & 0xFFFFFFFFL;
            if (eocd >= 20) {
                ByteBuffer locator = read(channel, eocd - 20, 20);
                if (locator.getInt(0) == ZIP64_LOCATOR_SIG) {
                    long zip64 = locator.getLong(8);
                    if (zip64 < 0 || zip64 > length - 56) {
                        throw malformed("its Zip64 end record is outside the file");
                    }
                    ByteBuffer record = read(channel, zip64, 56);
                    if (record.getInt(0) != ZIP64_EOCD_SIG) {
                        throw malformed("its Zip64 locator names no Zip64 end record");
                    }
                    declared = record.getLong(32);
                    offset = record.getLong(48);
                }
            }
            if (declared < 0 || declared > limit) {
                throw tooMany(limit);
            }
            if (offset < 0 || offset > length) {
                throw malformed("its central directory is outside the file");
            }
            long records = 0;
            long position = offset;
            while (position + CFH_MIN <= length) {
                ByteBuffer header = read(channel, position, CFH_MIN);
                if (header.getInt(0) != CFH_SIG) {
                    break;
                }
                if (++records > limit) {
                    throw tooMany(limit);
                }
                int nameLength = header.getShort(28) & 0xFFFF;
                int extraLength = header.getShort(30) & 0xFFFF;
                int commentLength = header.getShort(32) & 0xFFFF;
                position += CFH_MIN + nameLength + extraLength + commentLength;
            }
            if (records == 0 && declared > 0) {
                throw malformed("no central directory record is where its end record says");
            }
            return records;
        }
    }

    private static long findEndRecord(FileChannel channel, long length) throws IOException {
        int window = (int) Math.min(length, EOCD_MIN + MAX_COMMENT);
        ByteBuffer tail = read(channel, length - window, window);
        for (int i = window - EOCD_MIN; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG) {
                return length - window + i;
            }
        }
        throw notAZip();
    }

    private static ByteBuffer read(FileChannel channel, long position, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw malformed("it ends inside a record");
            }
        }
        return buffer.flip();
    }

    private static RegistryException notAZip() {
        return ErrorMessage.UPLOAD_UPLOAD_ZIP_FILE_END.exception();
    }

    private static RegistryException malformed(String why) {
        return ErrorMessage.UPLOAD_UPLOAD_WELL_FORMED_ZIP.exception(why);
    }

    private static RegistryException tooMany(int limit) {
        return ErrorMessage.UPLOAD_ZIP_MORE_ENTRIES.exception(limit);
    }
}
