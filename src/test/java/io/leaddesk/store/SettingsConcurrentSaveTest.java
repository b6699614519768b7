package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app and the command line may save the settings at the same moment (two SettingsStores on one data folder):
 * every save succeeds, a reader never sees a torn or missing file, and no temp file is left.
 */
@Timeout(120)
class SettingsConcurrentSaveTest {

    @TempDir
    Path folder;

    @Test
    void concurrentSavesNeverTearOrLoseTheFile() throws Exception {
        SettingsStore app = new SettingsStore(folder, null);
        SettingsStore cli = new SettingsStore(folder, null);
        app.save(AppSettings.defaults());
        Path file = folder.resolve(SettingsStore.FILE_NAME);
        ObjectMapper json = new ObjectMapper();
        Set<String> written = ConcurrentHashMap.newKeySet();
        written.add("");
        int writers = 4;
        int saves = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                SettingsStore store = w % 2 == 0 ? app : cli;
                int id = w;
                jobs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < saves; i++) {
                        // a long value makes a torn write likely to be seen
                        String region = "R" + id + "-" + i + "-" + "x".repeat(2000);
                        written.add(region.toUpperCase(java.util.Locale.ROOT));
                        store.save(new AppSettings("v25.0", AppSettings.LIGHT, region, null));
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int reads = 0;
                while (!done.get()) {
                    String text;
                    try {
                        text = Files.readString(file);
                    } catch (NoSuchFileException e) {
                        throw new AssertionError("the settings file was missing for a moment", e);
                    }
                    String region = json.readTree(text).path("defaultRegion").asText();
                    assertThat(written).as("a whole settings file").contains(region);
                    reads++;
                }
                return reads;
            });
            start.countDown();
            for (Future<?> j : jobs) {
                j.get(100, TimeUnit.SECONDS);
            }
            done.set(true);
            assertThat(reader.get(100, TimeUnit.SECONDS)).isPositive();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        assertThat(written).contains(app.load().defaultRegion());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SettingsStore.FILE_NAME);
        }
    }
}
