/*
 * FD.io VPP's binary-API definition language (`.api` files).
 *
 * A file is a sequence of top-level statements, each closed by ';':
 *
 *   import "vnet/ip/ip_types.api";                          import
 *   option version = "3.0.0";                               file option
 *   typedef prefix { vl_api_address_t address; u8 len; };   struct typedef
 *   manual_print typedef u8 ip4_address[4];                 alias (flags allowed)
 *   enum address_family : u8 { ADDRESS_IP4 = 0, ADDRESS_IP6, };
 *   enumflag if_status_flags : u32 { UP = 1, LINK = 2, };
 *   union address_union { vl_api_ip4_address_t ip4[case=ADDRESS_IP4]; ... };
 *   autoreply define foo { u32 client_index; u32 context; option deprecated; };
 *   service { rpc foo_dump returns foo_details stream; ... };
 *   counters ip4 { none { severity info; type counter64; units "packets"; description "..."; }; };
 *   paths { "/err/ip4-input" "ip4"; };
 *
 * The grammar accepts what VPP's generator accepts and no more: keywords are reserved except
 * where VPP lets them stand as field names (type, severity, description, counters, paths).
 * Meaning (types defined before use, variable-length fields last, length fields, services)
 * is checked after parsing, so that the errors can say what is wrong in the file's terms.
 *
 * `T x[n]` is a length-field array when n is one bare name; brackets that hold anything else
 * after a name are field options (`[default=0xffffffff]`, `[case=ADDRESS_IP4]`). Both forms
 * are one rule here (bracketOptions) and the model builder tells them apart, exactly as VPP does.
 *
 * Comments are kept on a hidden channel: a block or line comment that ends on the line just
 * before a define or struct typedef is its documentation.
 */
grammar VppApi;

// ---------------------------------------------------------------- parser

apiFile
    : statement* EOF
    ;

statement
    : importStatement
    | optionStatement
    | structTypedef
    | aliasTypedef
    | enumDefinition
    | unionDefinition
    | defineStatement
    | serviceBlock
    | countersBlock
    | pathsBlock
    ;

importStatement
    : IMPORT path=STRING_LITERAL SEMI
    ;

/** `option name;` or `option name = value;`, at file level or inside a define. */
optionStatement
    : OPTION name=IDENTIFIER (ASSIGN value)? SEMI
    ;

flag
    : MANUAL_PRINT
    | MANUAL_ENDIAN
    | DONT_TRACE
    | TYPEONLY
    | AUTOENDIAN
    | AUTOREPLY
    ;

structTypedef
    : flag* TYPEDEF name=IDENTIFIER LBRACE member+ RBRACE SEMI
    ;

/** `typedef u8 ip4_address[4];`: the declared field's name is the alias name. */
aliasTypedef
    : flag* TYPEDEF fieldDeclaration
    ;

unionDefinition
    : flag* UNION name=IDENTIFIER LBRACE member+ RBRACE SEMI
    ;

defineStatement
    : flag* DEFINE name=IDENTIFIER LBRACE member+ RBRACE SEMI
    ;

/** A field, or an option of the enclosing define. */
member
    : fieldDeclaration
    | optionStatement
    ;

fieldDeclaration
    : typeName fieldName arraySuffix? SEMI
    ;

typeName
    : U8 | U16 | U32 | U64 | I8 | I16 | I32 | I64 | F64 | BOOL | STRING
    | IDENTIFIER
    ;

fieldName
    : IDENTIFIER
    | TYPE
    | SEVERITY
    | DESCRIPTION
    | COUNTERS
    | PATHS
    ;

arraySuffix
    : LBRACKET RBRACKET                      # openArray
    | LBRACKET NUMBER RBRACKET               # fixedArray
    | LBRACKET fieldOption+ RBRACKET         # bracketOptions
    ;

/** `name`, `name = value` or `name = value,` inside brackets. */
fieldOption
    : name=IDENTIFIER (ASSIGN value COMMA?)?
    ;

value
    : NUMBER
    | TRUE
    | FALSE
    | STRING_LITERAL
    | IDENTIFIER
    | TYPE
    ;

enumDefinition
    : kind=(ENUM | ENUMFLAG) name=IDENTIFIER (COLON base=typeName)? LBRACE enumEntry+ RBRACE SEMI
    ;

/** Every entry, the last one included, ends with a comma. */
enumEntry
    : name=IDENTIFIER (ASSIGN NUMBER)? (LBRACKET fieldOption+ RBRACKET)? COMMA
    ;

serviceBlock
    : SERVICE LBRACE rpc+ RBRACE SEMI
    ;

rpc
    : RPC caller=IDENTIFIER RETURNS NULL SEMI                                            # rpcWithoutReply
    | RPC caller=IDENTIFIER RETURNS reply=IDENTIFIER SEMI                                # rpcReply
    | RPC caller=IDENTIFIER RETURNS STREAM reply=IDENTIFIER SEMI                         # rpcStream
    | RPC caller=IDENTIFIER RETURNS reply=IDENTIFIER STREAM streamed=IDENTIFIER SEMI     # rpcReplyAndStream
    | RPC caller=IDENTIFIER RETURNS reply=IDENTIFIER EVENTS eventName+ SEMI             # rpcEvents
    ;

eventName
    : IDENTIFIER COMMA?
    ;

countersBlock
    : COUNTERS name=IDENTIFIER LBRACE counter+ RBRACE SEMI
    ;

counter
    : name=IDENTIFIER LBRACE counterAttribute+ RBRACE SEMI
    ;

counterAttribute
    : SEVERITY IDENTIFIER SEMI         # severity
    | TYPE IDENTIFIER SEMI             # counterType
    | UNITS STRING_LITERAL SEMI        # units
    | DESCRIPTION STRING_LITERAL SEMI  # description
    ;

pathsBlock
    : PATHS LBRACE pathEntry+ RBRACE SEMI
    ;

pathEntry
    : path=STRING_LITERAL counterSet=STRING_LITERAL SEMI
    ;

// ---------------------------------------------------------------- lexer

SERVICE       : 'service' ;
RPC           : 'rpc' ;
RETURNS       : 'returns' ;
NULL          : 'null' ;
STREAM        : 'stream' ;
EVENTS        : 'events' ;
DEFINE        : 'define' ;
TYPEDEF       : 'typedef' ;
ENUM          : 'enum' ;
ENUMFLAG      : 'enumflag' ;
TYPEONLY      : 'typeonly' ;
MANUAL_PRINT  : 'manual_print' ;
MANUAL_ENDIAN : 'manual_endian' ;
DONT_TRACE    : 'dont_trace' ;
AUTOREPLY     : 'autoreply' ;
AUTOENDIAN    : 'autoendian' ;
OPTION        : 'option' ;
U8            : 'u8' ;
U16           : 'u16' ;
U32           : 'u32' ;
U64           : 'u64' ;
I8            : 'i8' ;
I16           : 'i16' ;
I32           : 'i32' ;
I64           : 'i64' ;
F64           : 'f64' ;
BOOL          : 'bool' ;
STRING        : 'string' ;
IMPORT        : 'import' ;
TRUE          : 'true' ;
FALSE         : 'false' ;
UNION         : 'union' ;
COUNTERS      : 'counters' ;
PATHS         : 'paths' ;
UNITS         : 'units' ;
SEVERITY      : 'severity' ;
TYPE          : 'type' ;
DESCRIPTION   : 'description' ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
SEMI     : ';' ;
COLON    : ':' ;
ASSIGN   : '=' ;
COMMA    : ',' ;
DOT      : '.' ;

/** Hexadecimal, or decimal with an optional sign and fraction (`1.0` is a default value). */
NUMBER
    : '0' [xX] [0-9a-fA-F]+
    | '-'? [0-9]+ ('.' [0-9]*)?
    ;

IDENTIFIER
    : [a-zA-Z_] [a-zA-Z_0-9]*
    ;

/** Double quotes on one line; a backslash escapes the next character, which is kept as written. */
STRING_LITERAL
    : '"' ( '\\' ~[\n] | ~["\\\n] )* '"'
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

LINE_COMMENT
    : '//' ~[\n]* -> channel(HIDDEN)
    ;

WHITESPACE
    : [ \t\r\n]+ -> skip
    ;

/** Anything else is reported by the lexer's error listener with its position. */
UNEXPECTED_CHARACTER
    : .
    ;
