package io.quanzi.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;

/**
 * H2 storage that commits every write before the server answers it. H2 otherwise commits about once a second, so a
 * hard kill of the process lost the writes of the last moment although the services had been told they were
 * stored. Writes that arrive together share one commit ({@link GroupCommit}); the commit writes to the file (the
 * operating system keeps it across a process crash), without fsync.
 *
 * <p>Its databases keep indexes that answer the services' queries ({@link IndexedH2Database}).
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

    private final GroupCommit commits = new GroupCommit(this::commit);

    CommittingH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new IndexedH2Database(name, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        boolean write = WRITES.contains(command.toLowerCase(Locale.ROOT));
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // Also after a failed write: an ordered insert of many documents keeps those before the failure.
            if (channel == null) {
                if (write) {
                    commit();
                }
            } else {
                commits.afterCommand(channel, write);
            }
        }
    }
}
