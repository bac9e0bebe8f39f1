package io.quanzi.platform.test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the commands a service sends to MongoDB while a test runs one operation, so the test can count its round
 * trips: on the embedded server, which runs one command at a time, they are what a rush is limited by. Import
 * {@link Recording} into the test's context and call {@link #during}.
 */
public final class MongoCommands implements CommandListener {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!recording) {
            return;
        }
        var target = event.getCommand().get(event.getCommandName());
        sent.add(event.getCommandName() + " "
                + (target != null && target.isString() ? target.asString().getValue() : ""));
    }

    /** Runs {@code action} and returns the commands it sent, as {@code "command collection"}, in order. */
    public List<String> during(Runnable action) {
        return during(action, Set.of());
    }

    /** The same, keeping only the commands on {@code collections} (all of them when it is empty). */
    public List<String> during(Runnable action, Set<String> collections) {
        sent.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return sent.stream()
                .filter(command ->
                        collections.isEmpty() || collections.contains(command.substring(command.indexOf(' ') + 1)))
                .toList();
    }

    /** Adds the recorder to the test context's MongoDB client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordMongoCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
