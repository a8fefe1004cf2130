package io.midback.recording;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Why a file operation failed, in words: the JDK's file errors often carry only the path ("/proc/x.svg"), which says
 * nothing a user can act on. The one wording for every command and the window.
 */
public final class FileErrors {
    private FileErrors() {
    }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f && f.getFile() != null) {
            // creating a folder where a plain file stands
            return f.getFile() + " is a file, where a folder is needed";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder, or the folder does not allow new files";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
