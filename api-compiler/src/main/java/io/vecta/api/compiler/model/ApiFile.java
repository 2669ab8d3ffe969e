package io.vecta.api.compiler.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded {@code .api} file.
 *
 * @param path the file as the loader read it
 * @param module the file's base name without {@code .api}, dots turned into {@code _}
 * @param definitions the top-level statements in written order
 * @param messages the messages in id order: as written, each {@code autoreply} reply right after
 *     its request (message id = the file's range base + index)
 * @param services every written service, then the ones the message names imply
 *     ({@code X}/{@code X_reply}, {@code X_dump}/{@code X_details}), in the order VPP's JSON lists them
 */
public record ApiFile(Path path, String module, List<Definition> definitions, List<Message> messages,
        List<Service> services) {

    public ApiFile {
        definitions = List.copyOf(definitions);
        messages = List.copyOf(messages);
        services = List.copyOf(services);
    }

    /** The types this file defines, in written order. */
    public List<UserType> types() {
        return definitions.stream().filter(UserType.class::isInstance).map(UserType.class::cast).toList();
    }

    public List<Import> imports() {
        return definitions.stream().filter(Import.class::isInstance).map(Import.class::cast).toList();
    }

    /** File-level options by name, in written order (a later one with the same name wins). */
    public Map<String, OptionValue> options() {
        Map<String, OptionValue> options = new LinkedHashMap<>();
        for (Definition definition : definitions) {
            if (definition instanceof FileOption option) {
                options.put(option.name(), option.value());
            }
        }
        return options;
    }

    /** The semantic version from {@code option version = "x.y.z";}. */
    public Optional<String> version() {
        return options().get("version") instanceof OptionValue.Text(String text) ? Optional.of(text) : Optional.empty();
    }

    public Optional<Message> message(String name) {
        return messages.stream().filter(message -> message.name().equals(name)).findFirst();
    }

    public List<CounterSet> counters() {
        return definitions.stream().filter(CounterSet.class::isInstance).map(CounterSet.class::cast).toList();
    }

    public List<PathSet> paths() {
        return definitions.stream().filter(PathSet.class::isInstance).map(PathSet.class::cast).toList();
    }
}
