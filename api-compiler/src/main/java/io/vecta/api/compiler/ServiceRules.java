package io.vecta.api.compiler;

import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a file's services against its messages and adds the services its message names imply,
 * the way VPP's generator does:
 * <ul>
 *   <li>{@code X} with a message {@code X_reply} is answered by it;</li>
 *   <li>{@code X_dump} is answered by a stream of {@code X_details};</li>
 *   <li>{@code X_details} needs {@code X_dump}, or an {@code X_get} with a written stream service;</li>
 *   <li>a message named as an event, or covered by a written rpc, needs nothing more.</li>
 * </ul>
 */
final class ServiceRules {

    private final LoadSession session;
    private final List<Message> messages;
    private final Map<String, Message> messagesByName;

    ServiceRules(LoadSession session, List<Message> messages, Map<String, Message> messagesByName) {
        this.session = session;
        this.messages = messages;
        this.messagesByName = messagesByName;
    }

    List<Service> services(List<Service> written) {
        Map<String, Service> byCaller = new HashMap<>();
        Set<String> replies = new HashSet<>();
        for (Service service : written) {
            Service earlier = byCaller.putIfAbsent(service.caller(), service);
            if (earlier != null) {
                session.error(service.position(), "rpc '" + service.caller() + "' is already declared at "
                        + earlier.position());
            }
            // a service returning itself is reported once, where it is written
            service.reply().filter(reply -> !reply.equals(service.caller())).ifPresent(replies::add);
        }
        Set<String> events = new HashSet<>();
        for (Service service : written) {
            String rpc = "rpc '" + service.caller() + "'";
            if (!messagesByName.containsKey(service.caller())) {
                session.error(service.position(), rpc + " names no message defined in this file");
            }
            service.reply().filter(reply -> !messagesByName.containsKey(reply)).ifPresent(reply ->
                    session.error(service.position(), rpc + " returns '" + reply + "', which is not defined"));
            service.streamMessage().filter(streamed -> !messagesByName.containsKey(streamed)).ifPresent(streamed ->
                    session.error(service.position(), rpc + " streams '" + streamed + "', which is not defined"));
            if (replies.contains(service.caller())) {
                session.error(service.position(), rpc + ": '" + service.caller()
                        + "' is the reply of another rpc and cannot also be a request");
            }
            for (String event : service.events()) {
                if (!messagesByName.containsKey(event)) {
                    session.error(service.position(), rpc + " names event '" + event + "', which is not defined");
                }
                events.add(event);
            }
        }
        List<Service> services = new ArrayList<>(written);
        for (Message message : messages) {
            String name = message.name();
            if (events.contains(name)) {
                continue;
            }
            implied(message, byCaller).ifPresent(services::add);
        }
        return services;
    }

    private Optional<Service> implied(Message message, Map<String, Service> byCaller) {
        String name = message.name();
        if (name.endsWith("_reply")) {
            String request = name.substring(0, name.length() - "_reply".length());
            if (!byCaller.containsKey(request) && !messagesByName.containsKey(request)) {
                session.error(message.position(), "reply '" + name + "' has no request: define '" + request
                        + "' or name it in a service");
            }
            return Optional.empty();
        }
        if (name.endsWith("_dump")) {
            if (byCaller.containsKey(name)) {
                return Optional.empty();
            }
            String details = name.substring(0, name.length() - "_dump".length()) + "_details";
            if (messagesByName.containsKey(details)) {
                return Optional.of(new Service(name, Optional.of(details), true, Optional.empty(), List.of(), true,
                        message.position()));
            }
            session.error(message.position(), "'" + name + "' has no '" + details
                    + "' to stream back: define it or write a service for '" + name + "'");
            return Optional.empty();
        }
        if (name.endsWith("_details")) {
            String stem = name.substring(0, name.length() - "_details".length());
            if (messagesByName.containsKey(stem + "_get")) {
                if (!byCaller.containsKey(stem + "_get")) {
                    session.error(message.position(), "'" + stem + "_get' must be declared in a service as 'rpc "
                            + stem + "_get returns " + stem + "_get_reply stream " + name + ";'");
                }
                return Optional.empty();
            }
            if (!messagesByName.containsKey(stem + "_dump")) {
                session.error(message.position(), "'" + name + "' is streamed by no request: define '" + stem
                        + "_dump' or '" + stem + "_get'");
            }
            return Optional.empty();
        }
        if (byCaller.containsKey(name)) {
            return Optional.empty();
        }
        if (messagesByName.containsKey(name + "_reply")) {
            return Optional.of(new Service(name, Optional.of(name + "_reply"), false, Optional.empty(), List.of(),
                    true, message.position()));
        }
        session.error(message.position(), "'" + name + "' has no reply: define '" + name
                + "_reply' or declare it in a service (for example 'rpc " + name + " returns null;')");
        return Optional.empty();
    }
}
