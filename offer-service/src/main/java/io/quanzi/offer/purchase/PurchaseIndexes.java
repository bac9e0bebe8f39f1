package io.quanzi.offer.purchase;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** A receipt is recorded once per store: unique (storeId, receiptNumber). */
@Component
class PurchaseIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(DocumentIndexes.of(
                Purchase.class,
                new Index()
                        .on("storeId", Sort.Direction.ASC)
                        .on("receiptNumber", Sort.Direction.ASC)
                        .unique()
                        .named("store_receipt_unique")));
    }
}
