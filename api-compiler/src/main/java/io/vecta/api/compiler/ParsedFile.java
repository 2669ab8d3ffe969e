package io.vecta.api.compiler;

import io.vecta.api.compiler.grammar.VppApiParser;
import java.nio.file.Path;
import org.antlr.v4.runtime.CommonTokenStream;

/** A file's parse tree with its token stream, which still holds the comments on the hidden channel. */
record ParsedFile(Path path, VppApiParser.ApiFileContext tree, CommonTokenStream tokens) {
}
