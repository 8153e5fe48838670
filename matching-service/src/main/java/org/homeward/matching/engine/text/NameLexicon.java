package org.homeward.matching.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated, versioned given-name equivalence groups (Ukrainian and Russian forms, diminutives, host-country cognates)
 * of {@code lexicon/given-names-v2.txt}, looked up by phonetic key so that any spelling of a listed form is found.
 * Immutable and thread-safe.
 */
public final class NameLexicon {

    /** The lexicon version this class reads. */
    public static final int VERSION = 2;

    private static final String RESOURCE = "/org/homeward/matching/engine/lexicon/given-names-v" + VERSION + ".txt";
    private static final int[] NONE = new int[0];
    private static final NameLexicon BUILT_IN = load();

    private final Map<String, int[]> groupsByKey;
    private final List<String> groupNames;

    private NameLexicon(Map<String, int[]> groupsByKey, List<String> groupNames) {
        this.groupsByKey = groupsByKey;
        this.groupNames = groupNames;
    }

    /** The lexicon shipped in the engine's resources. */
    public static NameLexicon builtIn() {
        return BUILT_IN;
    }

    /** Ids of the groups a fine key belongs to (sorted, possibly empty; do not modify). */
    public int[] groups(String fineKey) {
        return groupsByKey.getOrDefault(fineKey, NONE);
    }

    /** The canonical (Ukrainian, KMU 2010) form naming a group. */
    public String groupName(int group) {
        return groupNames.get(group);
    }

    /** Number of groups. */
    public int size() {
        return groupNames.size();
    }

    private static NameLexicon load() {
        var byKey = new HashMap<String, int[]>();
        var names = new ArrayList<String>();
        try (InputStream in = NameLexicon.class.getResourceAsStream(RESOURCE)) {
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
                int group = names.size();
                names.add(parts[0].trim());
                for (String member : parts[2].split(",")) {
                    for (String key : PhoneticKey.fineOfText(member.trim(), null)) {
                        int[] old = byKey.getOrDefault(key, NONE);
                        if (Arrays.binarySearch(old, group) < 0) {
                            int[] grown = Arrays.copyOf(old, old.length + 1);
                            grown[old.length] = group;
                            Arrays.sort(grown);
                            byKey.put(key, grown);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NameLexicon(Map.copyOf(byKey), List.copyOf(names));
    }
}
