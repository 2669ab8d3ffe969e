package io.vecta.api.compiler;

import io.vecta.api.compiler.grammar.VppApiLexer;
import io.vecta.api.compiler.grammar.VppApiParser;
import io.vecta.api.compiler.model.Alias;
import io.vecta.api.compiler.model.ApiFile;
import io.vecta.api.compiler.model.ApiType;
import io.vecta.api.compiler.model.BaseType;
import io.vecta.api.compiler.model.CounterSet;
import io.vecta.api.compiler.model.Definition;
import io.vecta.api.compiler.model.DefinitionFlag;
import io.vecta.api.compiler.model.EnumDef;
import io.vecta.api.compiler.model.EnumEntry;
import io.vecta.api.compiler.model.Field;
import io.vecta.api.compiler.model.FieldShape;
import io.vecta.api.compiler.model.FileOption;
import io.vecta.api.compiler.model.Import;
import io.vecta.api.compiler.model.Message;
import io.vecta.api.compiler.model.OptionValue;
import io.vecta.api.compiler.model.PathSet;
import io.vecta.api.compiler.model.Service;
import io.vecta.api.compiler.model.ServiceBlock;
import io.vecta.api.compiler.model.SourcePosition;
import io.vecta.api.compiler.model.TypeDef;
import io.vecta.api.compiler.model.Union;
import io.vecta.api.compiler.model.UserType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns one file's parse tree into an {@link ApiFile}, defining its types in the load's namespace
 * and recording every error it finds (it goes on after an error so that all are reported).
 */
final class FileBuilder {

    /** Field names VPP's generator refuses because its Python bindings could not use them. */
    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert",
            "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    private static final Set<BaseType> ENUM_BASES =
            EnumSet.of(BaseType.U8, BaseType.U16, BaseType.U32, BaseType.I8, BaseType.I16, BaseType.I32);
    private static final Set<BaseType> ENUMFLAG_BASES = EnumSet.of(BaseType.U8, BaseType.U16, BaseType.U32);

    private final LoadSession session;
    private final BlockChecks blockChecks;
    private final ParsedFile parsed;
    private final List<Definition> definitions = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, Message> messagesByName = new HashMap<>();
    private final List<Service> writtenServices = new ArrayList<>();

    private Token lastComment;

    FileBuilder(LoadSession session, ParsedFile parsed) {
        this.session = session;
        this.blockChecks = new BlockChecks(session);
        this.parsed = parsed;
    }

    ApiFile build() {
        for (VppApiParser.StatementContext statement : parsed.tree().statement()) {
            noteComments(statement);
            switch (statement.getChild(0)) {
                case VppApiParser.ImportStatementContext ctx -> importFile(ctx);
                case VppApiParser.OptionStatementContext ctx ->
                        definitions.add(new FileOption(ctx.name.getText(), value(ctx.value()), at(ctx)));
                case VppApiParser.StructTypedefContext ctx -> typedef(ctx);
                case VppApiParser.AliasTypedefContext ctx -> alias(ctx);
                case VppApiParser.EnumDefinitionContext ctx -> enumDefinition(ctx);
                case VppApiParser.UnionDefinitionContext ctx -> union(ctx);
                case VppApiParser.DefineStatementContext ctx -> define(ctx);
                case VppApiParser.ServiceBlockContext ctx -> serviceBlock(ctx);
                case VppApiParser.CountersBlockContext ctx -> counters(ctx);
                case VppApiParser.PathsBlockContext ctx -> paths(ctx);
                default -> throw new IllegalStateException("statement not covered: " + statement.getText());
            }
        }
        List<Service> services = new ServiceRules(session, messages, messagesByName).services(writtenServices);
        return new ApiFile(parsed.path(), moduleName(), definitions, messages, services);
    }

    private String moduleName() {
        String name = parsed.path().getFileName().toString();
        if (name.endsWith(".api")) {
            name = name.substring(0, name.length() - ".api".length());
        }
        return name.replace('.', '_');
    }

    // ------------------------------------------------------------ statements

    private void importFile(VppApiParser.ImportStatementContext ctx) {
        String path = text(ctx.path);
        session.importFile(path, at(ctx)).ifPresent(file -> definitions.add(new Import(path, file, at(ctx))));
    }

    private void typedef(VppApiParser.StructTypedefContext ctx) {
        String name = ctx.name.getText();
        List<Field> fields = members("typedef '" + name + "'", ctx.member(), null);
        TypeDef typeDef = new TypeDef(name, flags(ctx.flag()), fields, comment(ctx.TYPEDEF().getSymbol()), at(ctx));
        session.define(typeDef);
        definitions.add(typeDef);
    }

    private void alias(VppApiParser.AliasTypedefContext ctx) {
        VppApiParser.FieldDeclarationContext declaration = ctx.fieldDeclaration();
        String name = declaration.fieldName().getText();
        Optional<Field> target = field("alias '" + name + "'", declaration);
        if (target.isEmpty()) {
            return;
        }
        FieldShape shape = target.get().shape();
        if (!(shape instanceof FieldShape.Scalar || shape instanceof FieldShape.Fixed)) {
            session.error(at(declaration.fieldName()), "alias '" + name + "' must name a type or a fixed-size array of one");
        }
        if (!target.get().options().isEmpty()) {
            session.error(at(declaration.arraySuffix()), "alias '" + name + "' cannot have field options");
        }
        Alias alias = new Alias(name, flags(ctx.flag()), target.get().type(), shape, at(ctx));
        session.define(alias);
        definitions.add(alias);
    }

    private void union(VppApiParser.UnionDefinitionContext ctx) {
        String name = ctx.name.getText();
        List<Field> arms = members("union '" + name + "'", ctx.member(), null);
        Union union = new Union(name, flags(ctx.flag()), arms, at(ctx));
        session.define(union);
        definitions.add(union);
    }

    private void enumDefinition(VppApiParser.EnumDefinitionContext ctx) {
        boolean isFlags = ctx.kind.getType() == VppApiLexer.ENUMFLAG;
        String keyword = isFlags ? "enumflag" : "enum";
        String name = ctx.name.getText();
        BaseType base = BaseType.U32;
        if (ctx.base != null) {
            Set<BaseType> allowed = isFlags ? ENUMFLAG_BASES : ENUM_BASES;
            Optional<BaseType> written = BaseType.byKeyword(ctx.base.getText()).filter(allowed::contains);
            if (written.isPresent()) {
                base = written.get();
            } else {
                session.error(at(ctx.base), keyword + " '" + name + "': base type must be one of "
                        + allowed.stream().map(BaseType::keyword).toList() + ", not '" + ctx.base.getText() + "'");
            }
        }
        List<EnumEntry> entries = new ArrayList<>();
        Map<String, EnumEntry> byName = new HashMap<>();
        long next = 0;
        EnumEntry compatibleBefore = null;
        for (VppApiParser.EnumEntryContext entryCtx : ctx.enumEntry()) {
            String entryName = entryCtx.name.getText();
            long value = next;
            if (entryCtx.NUMBER() != null) {
                OptionValue written = number(entryCtx.NUMBER().getSymbol());
                if (written instanceof OptionValue.Integer(long integer)) {
                    value = integer;
                } else {
                    session.error(at(entryCtx.NUMBER().getSymbol()),
                            keyword + " '" + name + "': value of '" + entryName + "' must be a whole number");
                }
            }
            next = value + 1;
            Map<String, OptionValue> options = fieldOptions(entryCtx.fieldOption());
            boolean compatible = options.containsKey("backwards_compatible");
            EnumEntry entry = new EnumEntry(entryName, value, compatible, options, at(entryCtx));
            if (!compatible && compatibleBefore != null) {
                session.error(entry.position(), keyword + " '" + name + "': '" + entryName
                        + "' follows the backwards-compatible entry '" + compatibleBefore.name()
                        + "'; backwards-compatible entries must come last");
            }
            if (compatible && compatibleBefore == null) {
                compatibleBefore = entry;
            }
            EnumEntry earlier = byName.putIfAbsent(entryName, entry);
            if (earlier != null) {
                session.error(entry.position(), keyword + " '" + name + "': entry '" + entryName
                        + "' is already declared at " + earlier.position());
            }
            if (!fits(base, value)) {
                session.error(entry.position(), keyword + " '" + name + "': value " + value + " of '" + entryName
                        + "' does not fit its base type " + base.keyword());
            }
            if (isFlags && Long.bitCount(Math.abs(value)) > 1) {
                session.error(entry.position(), "enumflag '" + name + "': value " + value + " of '" + entryName
                        + "' has more than one bit set");
            }
            entries.add(entry);
        }
        EnumDef enumDef = new EnumDef(name, isFlags, base, entries, at(ctx));
        session.define(enumDef);
        definitions.add(enumDef);
    }

    private static boolean fits(BaseType base, long value) {
        return switch (base) {
            case U8 -> value >= 0 && value <= 0xffL;
            case U16 -> value >= 0 && value <= 0xffffL;
            case U32 -> value >= 0 && value <= 0xffff_ffffL;
            case I8 -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case I16 -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case I32 -> value >= java.lang.Integer.MIN_VALUE && value <= java.lang.Integer.MAX_VALUE;
            default -> true;
        };
    }

    private void define(VppApiParser.DefineStatementContext ctx) {
        String name = ctx.name.getText();
        List<DefinitionFlag> flags = flags(ctx.flag());
        if (flags.contains(DefinitionFlag.TYPEONLY)) {
            session.error(at(ctx), "'typeonly define' is the legacy way to declare a type: write 'typedef "
                    + name + " { ... };' instead");
        }
        Optional<String> comment = comment(ctx.DEFINE().getSymbol());
        Map<String, OptionValue> options = new LinkedHashMap<>();
        List<Field> fields = members("define '" + name + "'", ctx.member(), options);
        Message message = new Message(name, flags, fields, options, comment, Optional.empty(), at(ctx));
        addMessage(message);
        definitions.add(message);
        if (flags.contains(DefinitionFlag.AUTOREPLY)) {
            List<Field> replyFields = List.of(
                    new Field(BaseType.U32, "context", new FieldShape.Scalar(), Map.of(), at(ctx)),
                    new Field(BaseType.I32, "retval", new FieldShape.Scalar(), Map.of(), at(ctx)));
            addMessage(new Message(name + "_reply", List.of(), replyFields, options, Optional.empty(),
                    Optional.of(name), at(ctx)));
        }
    }

    private void addMessage(Message message) {
        Message earlier = messagesByName.putIfAbsent(message.name(), message);
        if (earlier != null) {
            String how = message.autoreplyOf().isPresent()
                    ? "message '" + message.name() + "' made by 'autoreply define " + message.autoreplyOf().get() + "'"
                    : "message '" + message.name() + "'";
            session.error(message.position(), how + " is already defined at " + earlier.position());
            return;
        }
        messages.add(message);
    }

    private void serviceBlock(VppApiParser.ServiceBlockContext ctx) {
        List<Service> services = new ArrayList<>();
        for (VppApiParser.RpcContext rpc : ctx.rpc()) {
            Service service = switch (rpc) {
                case VppApiParser.RpcWithoutReplyContext r ->
                        new Service(r.caller.getText(), Optional.empty(), false, Optional.empty(), List.of(), false,
                                at(r));
                case VppApiParser.RpcReplyContext r -> new Service(r.caller.getText(), Optional.of(r.reply.getText()),
                        false, Optional.empty(), List.of(), false, at(r));
                case VppApiParser.RpcStreamContext r -> new Service(r.caller.getText(), Optional.of(r.reply.getText()),
                        true, Optional.empty(), List.of(), false, at(r));
                case VppApiParser.RpcReplyAndStreamContext r -> new Service(r.caller.getText(),
                        Optional.of(r.reply.getText()), true, Optional.of(r.streamed.getText()), List.of(), false,
                        at(r));
                case VppApiParser.RpcEventsContext r -> new Service(r.caller.getText(), Optional.of(r.reply.getText()),
                        false, Optional.empty(),
                        r.eventName().stream().map(event -> event.IDENTIFIER().getText()).toList(), false, at(r));
                default -> throw new IllegalStateException("rpc form not covered: " + rpc.getText());
            };
            if (service.reply().filter(service.caller()::equals).isPresent()) {
                session.error(service.position(), "rpc '" + service.caller() + "' cannot return itself");
            }
            services.add(service);
        }
        writtenServices.addAll(services);
        definitions.add(new ServiceBlock(services, at(ctx)));
    }

    private void counters(VppApiParser.CountersBlockContext ctx) {
        List<CounterSet.Counter> counters = new ArrayList<>();
        for (VppApiParser.CounterContext counter : ctx.counter()) {
            Map<String, String> attributes = new HashMap<>();
            for (VppApiParser.CounterAttributeContext attribute : counter.counterAttribute()) {
                switch (attribute) {
                    case VppApiParser.SeverityContext a -> attributes.put("severity", a.IDENTIFIER().getText());
                    case VppApiParser.CounterTypeContext a -> attributes.put("type", a.IDENTIFIER().getText());
                    case VppApiParser.UnitsContext a -> attributes.put("units", text(a.STRING_LITERAL().getSymbol()));
                    case VppApiParser.DescriptionContext a ->
                            attributes.put("description", text(a.STRING_LITERAL().getSymbol()));
                    default -> throw new IllegalStateException("counter attribute not covered: " + attribute.getText());
                }
            }
            counters.add(new CounterSet.Counter(counter.name.getText(), attributes.getOrDefault("severity", ""),
                    attributes.getOrDefault("type", ""), attributes.getOrDefault("units", ""),
                    attributes.getOrDefault("description", ""), at(counter)));
        }
        definitions.add(new CounterSet(ctx.name.getText(), counters, at(ctx)));
    }

    private void paths(VppApiParser.PathsBlockContext ctx) {
        List<PathSet.Mapping> mappings = ctx.pathEntry().stream()
                .map(entry -> new PathSet.Mapping(text(entry.path), text(entry.counterSet)))
                .toList();
        definitions.add(new PathSet(mappings, at(ctx)));
    }

    // ------------------------------------------------------------ fields

    /**
     * The fields of a define, typedef or union, checked as a block.
     *
     * @param options where a define's option statements go; {@code null} where none are allowed
     */
    private List<Field> members(String owner, List<VppApiParser.MemberContext> members,
            Map<String, OptionValue> options) {
        List<Field> fields = new ArrayList<>();
        for (VppApiParser.MemberContext member : members) {
            if (member.optionStatement() != null) {
                VppApiParser.OptionStatementContext option = member.optionStatement();
                if (options == null) {
                    session.error(at(option), "option statements belong in a define, not in " + owner);
                } else {
                    options.put(option.name.getText(), value(option.value()));
                }
                continue;
            }
            field(owner, member.fieldDeclaration()).ifPresent(fields::add);
        }
        blockChecks.check(owner, fields);
        return fields;
    }

    /** One declared field, or empty (and errors recorded) if it cannot be made sense of. */
    private Optional<Field> field(String owner, VppApiParser.FieldDeclarationContext ctx) {
        String name = ctx.fieldName().getText();
        SourcePosition position = at(ctx.fieldName());
        Optional<ApiType> type = type(ctx.typeName());
        if (PYTHON_KEYWORDS.contains(name)) {
            session.error(position, owner + ": field name '" + name
                    + "' is a Python keyword, which VPP's Python API cannot use");
        }
        FieldShape shape = new FieldShape.Scalar();
        Map<String, OptionValue> options = Map.of();
        switch (ctx.arraySuffix()) {
            case null -> {
            }
            case VppApiParser.OpenArrayContext ignored -> shape = new FieldShape.Open();
            case VppApiParser.FixedArrayContext fixed -> {
                Token number = fixed.NUMBER().getSymbol();
                if (number(number) instanceof OptionValue.Integer(long length)
                        && length >= 0 && length <= java.lang.Integer.MAX_VALUE) {
                    shape = new FieldShape.Fixed((int) length);
                } else {
                    session.error(at(number), owner + ": array length of '" + name
                            + "' must be a whole number from 0 to " + java.lang.Integer.MAX_VALUE + ", not "
                            + number.getText());
                    return Optional.empty();
                }
            }
            case VppApiParser.BracketOptionsContext bracket -> {
                List<VppApiParser.FieldOptionContext> written = bracket.fieldOption();
                if (written.size() == 1 && written.getFirst().value() == null) {
                    shape = new FieldShape.Counted(written.getFirst().name.getText());
                } else {
                    options = fieldOptions(written);
                }
            }
            default -> throw new IllegalStateException("array suffix not covered: " + ctx.getText());
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (type.get() == BaseType.STRING && shape instanceof FieldShape.Scalar) {
            session.error(position, owner + ": string '" + name + "' must be an array: 'string " + name
                    + "[N];' or 'string " + name + "[];'");
        }
        if (type.get() != BaseType.STRING && shape instanceof FieldShape.Open) {
            session.error(position, owner + ": '" + name + "[]' has no length; only strings may be declared with []"
                    + " (write " + name + "[N] or " + name + "[length_field])");
        }
        return Optional.of(new Field(type.get(), name, shape, options, position));
    }

    private Optional<ApiType> type(VppApiParser.TypeNameContext ctx) {
        String written = ctx.getText();
        Optional<BaseType> base = BaseType.byKeyword(written);
        if (base.isPresent()) {
            return Optional.of(base.get());
        }
        Optional<UserType> user = session.type(written);
        if (user.isPresent()) {
            return Optional.of(user.get());
        }
        String hint = session.type(UserType.cName(written)).isPresent()
                ? " (types are named by their C name: " + UserType.cName(written) + ")"
                : written.startsWith("vl_api_") ? " (define or import it before this use)" : "";
        session.error(at(ctx), "undefined type '" + written + "'" + hint);
        return Optional.empty();
    }

    private Map<String, OptionValue> fieldOptions(List<VppApiParser.FieldOptionContext> written) {
        Map<String, OptionValue> options = new LinkedHashMap<>();
        for (VppApiParser.FieldOptionContext option : written) {
            options.put(option.name.getText(), value(option.value()));
        }
        return options;
    }

    // ------------------------------------------------------------ values, flags, comments, positions

    private OptionValue value(VppApiParser.ValueContext ctx) {
        if (ctx == null) {
            return new OptionValue.Flag();
        }
        Token token = ctx.getStart();
        return switch (token.getType()) {
            case VppApiLexer.NUMBER -> number(token);
            case VppApiLexer.TRUE -> new OptionValue.Bool(true);
            case VppApiLexer.FALSE -> new OptionValue.Bool(false);
            case VppApiLexer.STRING_LITERAL -> new OptionValue.Text(text(token));
            default -> new OptionValue.Name(token.getText());
        };
    }

    private OptionValue number(Token token) {
        String written = token.getText();
        try {
            if (written.startsWith("0x") || written.startsWith("0X")) {
                return new OptionValue.Integer(Long.parseUnsignedLong(written.substring(2), 16));
            }
            if (written.contains(".")) {
                return new OptionValue.Real(Double.parseDouble(written));
            }
            return new OptionValue.Integer(Long.parseLong(written));
        } catch (NumberFormatException e) {
            session.error(at(token), "number " + written + " does not fit in 64 bits");
            return new OptionValue.Integer(0);
        }
    }

    /** A quoted string's value: VPP drops every '"' and keeps escapes as written. */
    private static String text(Token token) {
        return token.getText().replace("\"", "");
    }

    private static List<DefinitionFlag> flags(List<VppApiParser.FlagContext> written) {
        List<DefinitionFlag> flags = new ArrayList<>();
        for (VppApiParser.FlagContext flag : written) {
            for (DefinitionFlag candidate : DefinitionFlag.values()) {
                if (candidate.keyword().equals(flag.getText())) {
                    flags.add(candidate);
                }
            }
        }
        return flags;
    }

    /** Remembers the last comment written between top-level statements. */
    private void noteComments(VppApiParser.StatementContext statement) {
        List<Token> hidden = parsed.tokens().getHiddenTokensToLeft(statement.getStart().getTokenIndex());
        if (hidden != null && !hidden.isEmpty()) {
            lastComment = hidden.getLast();
        }
    }

    /**
     * The documentation of a define or struct typedef: the last top-level comment, if it ends on
     * the line of the keyword or the line before. It is used up either way, as VPP's generator does.
     */
    private Optional<String> comment(Token keyword) {
        Token comment = lastComment;
        lastComment = null;
        if (comment == null) {
            return Optional.empty();
        }
        int endLine = comment.getLine() + (int) comment.getText().chars().filter(c -> c == '\n').count();
        return keyword.getLine() <= endLine + 1 ? Optional.of(comment.getText()) : Optional.empty();
    }

    private SourcePosition at(ParserRuleContext ctx) {
        return at(ctx.getStart());
    }

    private SourcePosition at(Token token) {
        return new SourcePosition(parsed.path(), token.getLine(), token.getCharPositionInLine() + 1);
    }
}
