package io.quanzi.platform.mongo;

import java.util.List;

/** A feature's indexes; declare it as a bean and the platform creates them before serving. */
@FunctionalInterface
public interface IndexDeclarations {

    List<DocumentIndexes> indexes();
}
