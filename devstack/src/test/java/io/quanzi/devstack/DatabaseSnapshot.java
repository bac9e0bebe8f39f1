package io.quanzi.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** Every document of every Quanzi database, to tell whether refused requests changed anything. */
final class DatabaseSnapshot {

    private DatabaseSnapshot() {}

    static Map<String, List<String>> take(String mongoUri) {
        Map<String, List<String>> snapshot = new TreeMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (String name : client.listDatabaseNames()) {
                if (!name.startsWith("quanzi")) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    List<String> documents = new ArrayList<>();
                    for (Document document : database.getCollection(collection).find()) {
                        documents.add(document.toJson());
                    }
                    documents.sort(null);
                    snapshot.put(name + "." + collection, documents);
                }
            }
        }
        return snapshot;
    }

    /** What differs, collection by collection: documents only in {@code before}, only in {@code after}. */
    static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> differences = new ArrayList<>();
        java.util.Set<String> collections = new java.util.TreeSet<>(before.keySet());
        collections.addAll(after.keySet());
        for (String collection : collections) {
            List<String> gone = new ArrayList<>(before.getOrDefault(collection, List.of()));
            gone.removeAll(after.getOrDefault(collection, List.of()));
            List<String> added = new ArrayList<>(after.getOrDefault(collection, List.of()));
            added.removeAll(before.getOrDefault(collection, List.of()));
            gone.forEach(document -> differences.add(collection + " before: " + RawHttp.abbreviate(document)));
            added.forEach(document -> differences.add(collection + " after:  " + RawHttp.abbreviate(document)));
        }
        return differences;
    }

    /**
     * Waits until nothing changes for a moment and no outbox entry is still PENDING (an entry waiting out its
     * back-off changes nothing for a while, then delivers), then returns the state.
     */
    static Map<String, List<String>> settled(String mongoUri) throws InterruptedException {
        Map<String, List<String>> previous = take(mongoUri);
        for (int round = 0; round < 30; round++) {
            Thread.sleep(2_000);
            Map<String, List<String>> current = take(mongoUri);
            if (current.equals(previous) && !pendingOutbox(current)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    private static boolean pendingOutbox(Map<String, List<String>> state) {
        return state.values().stream()
                .flatMap(List::stream)
                .anyMatch(document -> document.contains("\"outbox\"") && document.contains("\"state\": \"PENDING\""));
    }
}
