/*
 * startup.conf in FD.io VPP's syntax.
 *
 * A file is a sequence of sections. A section is a name and a body in braces, or a name and
 * one word (VPP's command-line form, `unix interactive`). Inside braces there are only words
 * and nested braces: which words are keys, which are values and which name a nested block
 * depends on the section, exactly as in VPP, where each section's handler reads its own
 * input. So this grammar stops at the syntax and the section readers give the words meaning.
 *
 *   unix {                              section   name=unix
 *     nodaemon                            word
 *     cli-listen /run/vecta/cli.sock      word word
 *   }
 *   plugins { plugin dpdk_plugin.so { disable } }
 *                                       section   name=plugins
 *                                           word word block{ word }
 *
 * Comments run from '#' to the end of the line, wherever the '#' stands (VPP drops them
 * the same way before it parses). A quoted string is one word that may hold blanks, braces
 * and '#'; VPP itself has no quotes, so files written for VPP never need them.
 */
grammar StartupConf;

// ---------------------------------------------------------------- parser

/** The whole file: its sections in order. */
config
    : section* EOF
    ;

/** `name { ... }`, or `name word` for a section of one word. */
section
    : name=word (block | single=word)
    ;

/** Braces around words and nested blocks. */
block
    : LBRACE element* RBRACE
    ;

/** One word or one nested block; a nested block belongs to the words before it. */
element
    : word
    | block
    ;

/** A bare word or a quoted string. */
word
    : WORD
    | STRING
    ;

// ---------------------------------------------------------------- lexer

LBRACE : '{' ;
RBRACE : '}' ;

/** Double quotes on one line; \" and \\ stand for a quote and a backslash. */
STRING
    : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"'
    ;

/**
 * A quote that is not closed on its line. Lexed as a token of its own so that the parser can
 * name the real mistake instead of reporting the characters after it.
 */
UNTERMINATED_STRING
    : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )*
    ;

/** Anything up to a blank, a brace or a comment; a quote inside a word is part of it. */
WORD
    : ~[ \t\r\n\f{}#"] ~[ \t\r\n\f{}#]*
    ;

COMMENT
    : '#' ~[\r\n]* -> skip
    ;

BLANK
    : [ \t\r\n\f]+ -> skip
    ;
