package io.leaddesk.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** A file failure nobody wrapped in a sentence, told as one: which file, what went wrong, no Java names. */
final class FileProblem {
    private FileProblem() {
    }

    static String sentence(IOException e) {
        String file = e instanceof FileSystemException fs ? fs.getFile() : null;
        String why = reason(e);
        return (file == null ? "A file" : "The file " + file) + " could not be read or written"
                + (why == null ? "" : " (" + why + ")") + "; check that it exists and that you may use it, and run the command again.";
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        String m = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (m == null || m.isBlank() || m.matches("(?s).*\\b(java|javax|sun|io\\.leaddesk)\\..*")) {
            return null;
        }
        return TerminalText.cell(m.strip());
    }
}
