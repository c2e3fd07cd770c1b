package dev.cardflow.infrastructure.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded memories of recent things, for processors that would otherwise read them back from the store. */
public final class LruMaps {

    private LruMaps() {
    }

    /**
     * A thread-safe map of at most {@code capacity} entries that forgets the one used longest ago when full; what it
     * forgot must be readable again from where it came from.
     */
    public static <K, V> Map<K, V> leastRecentlyUsed(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
