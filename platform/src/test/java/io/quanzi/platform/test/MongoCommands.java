package io.quanzi.platform.test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the commands a service sends to MongoDB while a test runs one operation, so the test can count its round
 * trips: on the embedded server, which runs one command at a time, they are what a rush is limited by. Import
 * {@link Recording} into the test's context and call {@link #during}.
 */
public final class MongoCommands implements CommandListener {

    /** One command as sent: its name, the collection it names (empty if none) and the whole command document. */
    public record Sent(String name, String collection, BsonDocument command) {

        /** Whether the command's document, as JSON, contains {@code text} (a field path, an operator, a value). */
        public boolean mentions(String text) {
            return command.toJson().contains(text);
        }

        @Override
        public String toString() {
            return name + " " + collection;
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!recording) {
            return;
        }
        var target = event.getCommand().get(event.getCommandName());
        sent.add(new Sent(
                event.getCommandName(),
                target != null && target.isString() ? target.asString().getValue() : "",
                event.getCommand().clone()));
    }

    /** Runs {@code action} and returns the commands it sent, as {@code "command collection"}, in order. */
    public List<String> during(Runnable action) {
        return during(action, Set.of());
    }

    /** The same, keeping only the commands on {@code collections} (all of them when it is empty). */
    public List<String> during(Runnable action, Set<String> collections) {
        return during(action, command -> collections.isEmpty() || collections.contains(command.collection()));
    }

    /**
     * The same, keeping only the commands {@code keep} accepts: for a test that must also leave out what a background
     * job of the service sends meanwhile.
     */
    public List<String> during(Runnable action, Predicate<Sent> keep) {
        sent.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return sent.stream().filter(keep).map(Sent::toString).toList();
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
