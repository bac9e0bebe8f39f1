package io.quanzi.devstack;

import java.nio.file.Path;

/** The dev stack's embedded MongoDB alone in a process, for {@link EmbeddedMongoCrashIT} to kill: port, data dir. */
public final class CrashableMongo {

    private CrashableMongo() {}

    public static void main(String[] args) throws Exception {
        EmbeddedMongo.start(Integer.parseInt(args[0]), Path.of(args[1]), true);
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
