package io.leaddesk.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a cache's files (database, WAL, shared memory) as bytes: where a forgotten person's data could still be. */
public final class CacheFiles {
    private CacheFiles() {
    }

    /** The names of the regular files in {@code folder} that hold {@code text} (UTF-8) anywhere in their bytes. */
    public static List<String> holding(Path folder, String text) throws Exception {
        return holdingAny(folder, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The names of the regular files in {@code folder} that hold any of the byte strings. */
    public static List<String> holdingAny(Path folder, byte[]... needles) throws Exception {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] content = Files.readAllBytes(f);
                for (byte[] needle : needles) {
                    if (indexOf(content, needle) >= 0) {
                        out.add(f.getFileName().toString());
                        break;
                    }
                }
            }
        }
        return out;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
