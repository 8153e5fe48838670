package org.homeward.matching.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The curated, versioned gazetteer of main Ukrainian cities ({@code lexicon/places-v1.txt}): endonyms, exonyms and
 * former names (Kyiv/Київ/Kiev/Kijów, Lviv/Lwów/Lemberg, Bakhmut/Artemivsk ...) resolved to one place through phonetic
 * keys. Immutable and thread-safe.
 */
public final class Gazetteer {

    /** The gazetteer version this class reads. */
    public static final int VERSION = 1;

    /** Returned by {@link #place(List)} for a name the gazetteer does not know. */
    public static final int UNKNOWN = -1;

    private static final String RESOURCE = "/org/homeward/matching/engine/lexicon/places-v" + VERSION + ".txt";
    private static final Gazetteer BUILT_IN = load();

    private final Map<String, Integer> placeByKey;
    private final List<String> names;

    private Gazetteer(Map<String, Integer> placeByKey, List<String> names) {
        this.placeByKey = placeByKey;
        this.names = names;
    }

    /** The gazetteer shipped in the engine's resources. */
    public static Gazetteer builtIn() {
        return BUILT_IN;
    }

    /** The place id of the first of a name's fine keys that the gazetteer knows, or {@link #UNKNOWN}. */
    public int place(List<String> fineKeys) {
        for (String key : fineKeys) {
            Integer place = placeByKey.get(key);
            if (place != null) {
                return place;
            }
        }
        return UNKNOWN;
    }

    /** The KMU 2010 name of a place id, or null for {@link #UNKNOWN}. */
    public @Nullable String name(int place) {
        return place < 0 ? null : names.get(place);
    }

    private static Gazetteer load() {
        var byKey = new HashMap<String, Integer>();
        var names = new ArrayList<String>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                int place = names.size();
                String name = parts[0].trim();
                names.add(name);
                List<String> members = new ArrayList<>(List.of(parts[1].split(",")));
                members.add(name);
                for (String member : members) {
                    for (String key : PhoneticKey.fineOfText(member.trim(), null)) {
                        byKey.putIfAbsent(key, place);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Gazetteer(Map.copyOf(byKey), List.copyOf(names));
    }
}
