package io.vecta.sdk.processor.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Module>ServiceClient} (GoVPP's {@code NewServiceClient}; plain {@code <Module>Client}
 * would collide with VPP's own definitions, such as {@code dhcp_client} of {@code dhcp.api}): one typed method per {@code rpc} of a file's services, written or
 * implied by the message names, each handing its request to an {@code ApiCaller} (GoVPP's
 * {@code RPCService}, without reflection).
 *
 * <pre>
 *   rpc x returns x_reply [events e];             XReply x(X request)                       call
 *   rpc x_dump returns stream x_details;          List&lt;XDetails&gt; xDump(XDump request)        dump
 *                                                 Stream&lt;XDetails&gt; xDumpStream(XDump request)  dumpStream
 *   rpc x_get returns x_get_reply stream x_details;  Stream&lt;XDetails&gt; xGetAll(LongFunction&lt;XGet&gt;)  getAll
 *   rpc x returns null;                           void x(X request)                          send
 * </pre>
 * Methods follow the order of the requests in the file. An rpc is left out when one of its messages is not a message of the file, and a stream with its
 * own reply when that reply has no {@code retval} and {@code cursor} or the request no
 * {@code cursor}: the caller has no exchange for it. A file without any rpc left gets no client.
 */
final class ApiClientWriter {

    private static final ClassName API_CALLER = ClassName.get(FieldCode.RUNTIME, "ApiCaller");
    private static final ClassName STREAM = ClassName.get(Stream.class);
    private static final ClassName LONG_FUNCTION = ClassName.get(LongFunction.class);

    private final ApiJavaWriter names;
    private final ApiFile file;
    private final Map<String, Message> messages = new HashMap<>();
    private final Map<String, MethodSpec> methods = new LinkedHashMap<>();

    ApiClientWriter(ApiJavaWriter names, ApiFile file) {
        this.names = names;
        this.file = file;
        for (Message message : file.messages()) {
            messages.put(message.name(), message);
        }
    }

    /** The client's class name, e.g. {@code VpeServiceClient} for module {@code vpe}. */
    static String simpleName(ApiFile file) {
        return JavaNames.className(file.module()) + "ServiceClient";
    }

    /** The client class, or empty when the file's services give it no method. */
    Optional<TypeSpec> write() {
        List<Service> services = new ArrayList<>(file.services());
        services.sort(Comparator.comparingInt(service -> file.messages().indexOf(messages.get(service.caller()))));
        for (Service service : services) {
            addMethods(service);
        }
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        ClassName self = ClassName.get(names.packageOf(file.module()), simpleName(file));
        return Optional.of(TypeSpec.classBuilder(self)
                .addJavadoc("""
                        The services of {@code $L} as methods: one per {@code rpc} of {@code $L}, each sending its
                        request through an {@link $T} (the runtime's {@code ApiConnection} is one), which fills
                        in {@code client_index} and {@code context}: build requests with {@code 0} there.
                        """, file.module(), file.path().getFileName(), API_CALLER)
                .addAnnotation(ApiJavaWriter.generated(file))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(API_CALLER, "caller", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addParameter(API_CALLER, "caller")
                        .addStatement("this.caller = $T.requireNonNull(caller, $S)", Objects.class, "caller")
                        .build())
                .addMethods(methods.values())
                .build());
    }

    private void addMethods(Service service) {
        Optional<Message> request = message(service.caller());
        if (request.isEmpty()) {
            return;
        }
        ClassName requestClass = names.messageClass(file, request.get());
        String method = JavaNames.memberName(service.caller());
        if (service.reply().isEmpty()) {
            add(method, MethodSpec.methodBuilder(method)
                    .addJavadoc("{@code rpc $L returns null}:\nsends the request and waits for nothing.\n",
                            service.caller())
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(requestClass, "request")
                    .addStatement("caller.send(request)")
                    .build());
            return;
        }
        Optional<Message> reply = message(service.reply().get());
        if (reply.isEmpty()) {
            return;
        }
        ClassName replyClass = names.messageClass(file, reply.get());
        if (!service.stream()) {
            add(method, MethodSpec.methodBuilder(method)
                    .addJavadoc("{@code rpc $L returns $L$L}:\nsends the request and waits for its reply.\n$L",
                            service.caller(), service.reply().get(), eventsClause(service), eventsNote(service))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(replyClass)
                    .addParameter(requestClass, "request")
                    .addStatement("return caller.call(request, $T.CODEC)", replyClass)
                    .build());
            return;
        }
        if (service.streamMessage().isEmpty()) {
            TypeName list = ParameterizedTypeName.get(FieldCode.LIST, replyClass);
            TypeName stream = ParameterizedTypeName.get(STREAM, replyClass);
            add(method, MethodSpec.methodBuilder(method)
                    .addJavadoc("{@code rpc $L returns stream $L}:\nsends the dump and returns every details"
                            + " record it is answered with.\n", service.caller(), service.reply().get())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(list)
                    .addParameter(requestClass, "request")
                    .addStatement("return caller.dump(request, $T.CODEC)", replyClass)
                    .build());
            add(method + "Stream", MethodSpec.methodBuilder(method + "Stream")
                    .addJavadoc("{@code rpc $L returns stream $L}:\nsends the dump and streams the details as they"
                            + " arrive; close the stream when done.\n", service.caller(), service.reply().get())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(stream)
                    .addParameter(requestClass, "request")
                    .addStatement("return caller.dumpStream(request, $T.CODEC)", replyClass)
                    .build());
            return;
        }
        Optional<Message> details = message(service.streamMessage().get());
        if (details.isEmpty() || !hasField(request.get(), "cursor") || !hasField(reply.get(), "cursor")
                || !hasField(reply.get(), "retval")) {
            return;
        }
        ClassName detailsClass = names.messageClass(file, details.get());
        TypeName requestAt = ParameterizedTypeName.get(LONG_FUNCTION, WildcardTypeName.subtypeOf(requestClass));
        add(method + "All", MethodSpec.methodBuilder(method + "All")
                .addJavadoc("""
                        {@code rpc $L returns $L stream $L}:
                        every page of the cursor get as one lazy stream of details; {@code requestAtCursor}
                        makes the request for a cursor (0 first, then each {@code $L} says where the next
                        page starts). Close the stream when done.
                        """, service.caller(), service.reply().get(), service.streamMessage().get(),
                        service.reply().get())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(STREAM, detailsClass))
                .addParameter(requestAt, "requestAtCursor")
                .addStatement("return caller.getAll(requestAtCursor, $T.CODEC, $T.CODEC)", replyClass, detailsClass)
                .build());
    }

    private static String eventsClause(Service service) {
        return service.events().isEmpty() ? "" : " events " + String.join(", ", service.events());
    }

    /** Events are not this call's answer: they arrive later, to whoever listens for them. */
    private String eventsNote(Service service) {
        if (service.events().isEmpty()) {
            return "";
        }
        List<String> links = new ArrayList<>();
        for (String event : service.events()) {
            links.add(message(event).map(m -> "{@link " + names.messageClass(file, m).simpleName() + "}")
                    .orElse("{@code " + event + "}"));
        }
        return "<p>The events it subscribes to, " + String.join(", ", links) + ", come later as messages\n"
                + "no call waits for: the caller's event listeners get them.\n";
    }

    private Optional<Message> message(String name) {
        return Optional.ofNullable(messages.get(name));
    }

    private static boolean hasField(Message message, String name) {
        for (Field field : message.fields()) {
            if (field.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void add(String name, MethodSpec method) {
        if (methods.putIfAbsent(name, method) != null) {
            throw new GeneratorException(file.path() + ": two rpcs would both become the method "
                    + simpleName(file) + "." + name);
        }
    }
}
