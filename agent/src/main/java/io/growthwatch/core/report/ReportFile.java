package io.growthwatch.core.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The JSON-lines report file, opened for appending when the agent starts (so that a path that cannot
 * be written refuses the start with one line), written by {@link JsonLinesReporter}.
 *
 * @param path the file
 * @param out  a writer appending to it
 */
public record ReportFile(Path path, Writer out) {

    /** Opens {@code path} for appending, creating it with owner-only permissions where supported. */
    public static ReportFile open(Path path) throws IOException {
        if (!Files.exists(path)) {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first; append to it
            }
        }
        return new ReportFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /** Closes the file; errors are ignored (the agent is stopping or was never started). */
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing more to write
        }
    }
}
