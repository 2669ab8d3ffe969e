package io.vecta.sdk.processor.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The checked {@code @ApiHandler} methods of one class, what {@link ApiHandlerWriter} turns
 * into {@code <Class>_ApiHandlers}.
 *
 * @param owner       the class, for the generated file's origin
 * @param ownerClass  its name
 * @param bindingClass the generated class
 * @param methods     its handler methods, in declaration order
 */
record ApiHandlerModel(TypeElement owner, ClassName ownerClass, ClassName bindingClass, List<Method> methods) {

    ApiHandlerModel {
        methods = List.copyOf(methods);
    }

    /** How a method answers, by its signature. */
    enum Shape {
        /** {@code XReply x(X request)}: the returned record is the reply. */
        REPLY,
        /** {@code Iterable<XDetails> xDump(XDump request)} (a List, ...): each element is sent as details. */
        ITERABLE,
        /** {@code Stream<XDetails> xDump(XDump request)}: each element is sent as details, then it is closed. */
        STREAM,
        /** {@code void x(X request)}: a request with no answer ({@code returns null}). */
        NO_ANSWER,
        /** {@code void x(X request, ApiReplies replies)}: the method sends its answers itself. */
        REPLIES
    }

    /**
     * One handler method.
     *
     * @param name       the method's name
     * @param message    the request's {@code .api} name
     * @param request    the request's record
     * @param shape      how it answers
     * @param returnType what it returns, {@code void} for the shapes that return nothing
     * @param element    the element type of {@link Shape#ITERABLE} and {@link Shape#STREAM}, else null
     * @param mpSafe     {@code @ApiHandler(mpSafe = ...)}
     * @param takesContext whether the method takes an {@code ApiContext} first, as a CLI command its context
     */
    record Method(String name, String message, ClassName request, Shape shape, TypeName returnType,
                  TypeName element, boolean mpSafe, boolean takesContext) {

        /** The same method, taking an {@code ApiContext} first or not. */
        Method withContext(boolean context) {
            return new Method(name, message, request, shape, returnType, element, mpSafe, context);
        }
    }
}
