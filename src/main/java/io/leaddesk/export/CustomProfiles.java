package io.leaddesk.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leaddesk.files.AtomicWrite;
import io.leaddesk.model.FailureKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saved custom profiles: {@code custom-profiles.json} in a folder (the app's settings folder), written atomically
 * ({@link AtomicWrite}: a unique temp file, fsynced and renamed, so the app and the CLI never tear it).
 * Format: {@code {"version":1,"profiles":[{"name":"...","columns":[{"source":"email","header":"E-mail"}]}]}}.
 * Names are unique ignoring case. Thread-safe (methods are synchronised; one instance per folder).
 */
public final class CustomProfiles {

    public static final String FILE_NAME = "custom-profiles.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public CustomProfiles(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Every saved profile, in saved order; empty when none was saved yet. */
    public synchronized List<CustomProfile> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<CustomProfile> out = new ArrayList<>();
            for (JsonNode p : root.path("profiles")) {
                List<CustomProfile.CustomColumn> cols = new ArrayList<>();
                for (JsonNode c : p.path("columns")) {
                    cols.add(new CustomProfile.CustomColumn(c.path("source").asText(), c.path("header").asText(null)));
                }
                out.add(new CustomProfile(p.path("name").asText(), cols));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new ExportException("The custom profiles in " + file + " cannot be read (" + e.getMessage()
                    + "); fix or remove that file.", e);
        }
    }

    /** The profile named {@code name} (ignoring case). */
    public synchronized Optional<CustomProfile> get(String name) {
        return list().stream().filter(p -> p.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Saves {@code profile}, replacing a saved one of the same name (ignoring case), keeping its place. */
    public synchronized void save(CustomProfile profile) {
        List<CustomProfile> all = new ArrayList<>(list());
        boolean replaced = false;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equalsIgnoreCase(profile.name())) {
                all.set(i, profile);
                replaced = true;
            }
        }
        if (!replaced) {
            all.add(profile);
        }
        write(all);
    }

    /** Deletes the profile named {@code name}; returns whether there was one. */
    public synchronized boolean delete(String name) {
        List<CustomProfile> all = new ArrayList<>(list());
        boolean removed = all.removeIf(p -> p.name().equalsIgnoreCase(name.strip()));
        if (removed) {
            write(all);
        }
        return removed;
    }

    /**
     * Resolves a profile name as the CLI and settings spell it: a built-in one (meta, hubspot, zoho, salesforce,
     * pipedrive) or a saved custom one.
     *
     * @throws ExportException naming the known profiles when there is no such profile
     */
    public synchronized ExportProfile resolve(String name) {
        Optional<BuiltInProfile> b = BuiltInProfile.byName(name);
        if (b.isPresent()) {
            return b.get();
        }
        Optional<CustomProfile> c = get(name);
        if (c.isPresent()) {
            return c.get();
        }
        List<String> known = new ArrayList<>();
        for (BuiltInProfile p : BuiltInProfile.values()) {
            known.add(p.cliName());
        }
        list().forEach(p -> known.add(p.name()));
        throw new ExportException(FailureKind.INPUT, "There is no export profile named '" + name + "'; known profiles: "
                + String.join(", ", known) + ".");
    }

    private void write(List<CustomProfile> all) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode profiles = root.putArray("profiles");
        for (CustomProfile p : all) {
            ObjectNode pn = profiles.addObject();
            pn.put("name", p.name());
            ArrayNode cols = pn.putArray("columns");
            for (CustomProfile.CustomColumn c : p.columns()) {
                cols.addObject().put("source", c.source()).put("header", c.header());
            }
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(root);
            Files.createDirectories(file.getParent());
            AtomicWrite.write(file, out -> out.write(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new ExportException("Could not save the custom profiles to " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable.", e);
        }
    }

}
