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
 */
record PluginModel(Element element, ClassName registrationClass, String name, String version, String description,
                   boolean enabledByDefault, int[] sdkVersion, List<NodeModel> nodes, List<ArcModel> arcs,
                   List<CommandModel> commands, List<ConfigSectionReader.ConfigSectionModel> configSections) {

    /** A declared feature arc. */
    record ArcModel(Element element, String name, List<String> startNodes, String lastNode) {
    }
}
