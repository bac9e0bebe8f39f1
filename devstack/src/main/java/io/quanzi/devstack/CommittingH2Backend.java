package io.quanzi.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;

/**
 * H2 storage that commits every write before the server answers it. H2 otherwise commits about once a second (the
 * stack added a commit every 200 ms), so a hard kill of the process lost the writes of the last moment although
 * the services had been told they were stored. The server runs one command at a time, so the commit belongs to the
 * write it follows; it writes to the file (the operating system keeps it across a process crash), without fsync.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "drop",
            "dropindexes",
            "dropdatabase",
            "renamecollection");

    CommittingH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new IndexedH2Database(name, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // Also after a failed write: an ordered insert of many documents keeps those before the failure.
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
            }
        }
    }
}
