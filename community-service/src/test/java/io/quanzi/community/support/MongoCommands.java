package io.quanzi.community.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the commands the service sends to MongoDB, so a test can count the round trips of one operation: on the
 * embedded server, which runs one command at a time, they are what a rush is limited by.
 */
public final class MongoCommands implements CommandListener {

    /** One command as sent: its name and the collection it names (empty for commands without one). */
    public record Sent(String name, String collection) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        var command = event.getCommand();
        String collection = command.isString(event.getCommandName())
                ? command.getString(event.getCommandName()).getValue()
                : "";
        sent.add(new Sent(event.getCommandName(), collection));
    }

    /** Forgets what was sent so far. */
    public void clear() {
        sent.clear();
    }

    /** What was sent since the last {@link #clear}, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Adds the recorder to the test context's MongoDB client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
