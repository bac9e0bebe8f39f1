package io.quanzi.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The services' own databases, read directly: what the fault tests compare the API's answers with. Read-only, and
 * only the invariants the design promises (balances equal their entries, stock plus coupons equals the total).
 */
final class Stores implements AutoCloseable {

    private final MongoClient client;

    Stores(Stack stack) {
        this.client = MongoClients.create(stack.mongoUri());
    }

    MongoDatabase offer() {
        return client.getDatabase("quanzi-offer");
    }

    MongoDatabase community() {
        return client.getDatabase("quanzi-community");
    }

    MongoDatabase member() {
        return client.getDatabase("quanzi-member");
    }

    /** Members of the brand whose balance differs from the sum of their applied entries (empty when all agree). */
    List<String> balancesNotEqualToEntries(String brandId) {
        Map<String, Long> sums = new HashMap<>();
        for (Document row : offer().getCollection("points_entries")
                .aggregate(List.of(
                        Aggregates.match(Filters.and(Filters.eq("brandId", brandId), Filters.eq("state", "APPLIED"))),
                        Aggregates.group("$memberId", Accumulators.sum("points", "$points"))))) {
            sums.put(row.getString("_id"), ((Number) row.get("points")).longValue());
        }
        List<String> wrong = new ArrayList<>();
        for (Document account : offer().getCollection("points_accounts").find(Filters.eq("brandId", brandId))) {
            long balance = ((Number) account.get("balance")).longValue();
            long entries = sums.getOrDefault(account.getString("memberId"), 0L);
            if (balance != entries) {
                wrong.add(account.getString("memberId") + ": balance " + balance + ", entries " + entries);
            }
        }
        return wrong;
    }

    /**
     * The brand's points entries still PENDING: written, maybe already applied to the account, not yet settled. While
     * there are any, a balance may rightly differ from its APPLIED entries for a moment.
     */
    long pendingPointsEntries(String brandId) {
        return count(
                offer(), "points_entries", Filters.and(Filters.eq("brandId", brandId), Filters.eq("state", "PENDING")));
    }

    long count(MongoDatabase db, String collection, org.bson.conversions.Bson filter) {
        return db.getCollection(collection).countDocuments(filter);
    }

    long sum(MongoDatabase db, String collection, org.bson.conversions.Bson filter, String field) {
        long total = 0;
        for (Document doc : db.getCollection(collection).find(filter)) {
            total += ((Number) doc.get(field)).longValue();
        }
        return total;
    }

    @Override
    public void close() {
        client.close();
    }
}
