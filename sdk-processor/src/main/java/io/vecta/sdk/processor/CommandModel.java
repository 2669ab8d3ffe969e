package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.ExecutableElement;

/**
 * A checked {@code @CliCommand} method.
 *
 * @param element       the method
 * @param ownerClass    the class that declares it
 * @param methodName    the method's name
 * @param path          the command's words
 * @param shortHelp     its one line of usage
 * @param longHelp      its longer help, or empty
 * @param isStatic      whether the method is static (else it runs on the plugin's instance of its class)
 * @param takesContext  whether its first parameter is the {@code CliContext}
 */
record CommandModel(ExecutableElement element, ClassName ownerClass, String methodName, String path,
                    String shortHelp, String longHelp, boolean isStatic, boolean takesContext) {
}
