import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes native libraries for other operating systems and CPUs from the staged jars (sqlite-jdbc carries about
 * 20 of them, JNA about 30), so an installer only ships the ones its platform loads. Signed jars are left alone.
 *
 * <pre>java TrimJars.java &lt;folder with jars&gt; --drop REGEX --keep REGEX [--drop REGEX --keep REGEX ...]</pre>
 * An entry is removed when its name matches a --drop pattern and not the --keep pattern given with it.
 * Runs with a plain JDK 17+ (single-file source launch), so Windows and macOS builds need nothing else.
 */
public final class TrimJars {

    private record Rule(Pattern drop, Pattern keep) {
        boolean removes(String name) {
            return drop.matcher(name).matches() && !keep.matcher(name).matches();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5 || args.length % 4 != 1) {
            System.err.println("usage: java TrimJars.java <jar folder> --drop REGEX --keep REGEX [...]");
            System.exit(2);
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 1; i < args.length; i += 4) {
            if (!args[i].equals("--drop") || !args[i + 2].equals("--keep")) {
                System.err.println("expected --drop REGEX --keep REGEX, got " + args[i] + " ... " + args[i + 2]);
                System.exit(2);
            }
            rules.add(new Rule(Pattern.compile(args[i + 1]), Pattern.compile(args[i + 3])));
        }
        long saved = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                saved += trim(jar, rules);
            }
        }
        System.out.printf("TrimJars: removed %.1f MB of other platforms' native libraries%n", saved / 1e6);
    }

    private static long trim(Path jar, List<Rule> rules) throws IOException {
        List<String> removed = new ArrayList<>();
        boolean signed = false;
        long before = Files.size(jar);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                signed |= name.startsWith("META-INF/") && name.toUpperCase().endsWith(".SF");
                if (rules.stream().anyMatch(r -> r.removes(name))) {
                    removed.add(name);
                }
            }
            if (removed.isEmpty()) {
                return 0;
            }
            if (signed) {
                System.out.println("TrimJars: " + jar.getFileName() + " is signed, left as it is");
                return 0;
            }
            Path out = jar.resolveSibling(jar.getFileName() + ".trim");
            try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (removed.contains(entry.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    zos.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(zos);
                    }
                    zos.closeEntry();
                }
            }
            Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return before - Files.size(jar);
    }
}
