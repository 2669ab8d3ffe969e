package io.vecta.sdk.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * A checked {@code @Plugin} with what the compilation registers.
 *
 * @param element          the annotated class or package
 * @param registrationClass the class to generate
 * @param name             plugin name
 * @param version          plugin version
 * @param description      one line
 * @param enabledByDefault whether it loads unless disabled
 * @param sdkVersion       major, minor, patch of the sdk-api compiled against
 * @param nodes            the compilation's nodes
 * @param arcs             the compilation's feature arcs
 * @param commands         the compilation's CLI commands
 * @param configSections   the compilation's startup.conf sections
 * @param apiModules       the {@code .api} files of the {@code @ApiModule} packages in the plugin's package tree
 * @param apiHandlers      the classes with {@code @ApiHandler} methods in the plugin's package tree
 */
record PluginModel(Element element, ClassName registrationClass, String name, String version, String description,
                   boolean enabledByDefault, int[] sdkVersion, List<NodeModel> nodes, List<ArcModel> arcs,
                   List<CommandModel> commands, List<ConfigSectionReader.ConfigSectionModel> configSections,
                   List<ApiModuleModel> apiModules, List<ApiHandlerClassModel> apiHandlers) {

    /** The package the plugin is declared in; its API modules and handlers live in it or below. */
    String packageName() {
        return registrationClass().packageName();
    }

    /** The model with the API modules and handler classes of the plugin's package tree. */
    PluginModel withApi(List<ApiModuleModel> modules, List<ApiHandlerClassModel> handlers) {
        return new PluginModel(element, registrationClass, name, version, description, enabledByDefault, sdkVersion,
                nodes, arcs, commands, configSections, modules.stream().filter(m -> inTree(m.packageName())).toList(),
                handlers.stream().filter(h -> inTree(h.ownerClass().packageName())).toList());
    }

    private boolean inTree(String packageName) {
        return packageName.equals(packageName()) || packageName.startsWith(packageName() + ".");
    }

    /**
     * One {@code .api} file of an {@code @ApiModule} package.
     *
     * @param element     the annotated package
     * @param packageName its name
     * @param fileName    the file as the annotation names it
     * @param moduleClass the generated {@code XModule} with {@code NAME}, {@code FILE_CRC} and {@code MESSAGES}
     */
    record ApiModuleModel(Element element, String packageName, String fileName, ClassName moduleClass) {
    }

    /**
     * A class with {@code @ApiHandler} methods, created once by the registration.
     *
     * @param element      the class
     * @param ownerClass   its name
     * @param bindingClass the generated {@code <Class>_ApiHandlers}
     */
    record ApiHandlerClassModel(Element element, ClassName ownerClass, ClassName bindingClass) {
    }

    /** A declared feature arc. */
    record ArcModel(Element element, String name, List<String> startNodes, String lastNode, boolean txInterface) {
    }
}
