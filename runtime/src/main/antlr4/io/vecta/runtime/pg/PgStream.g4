/*
 * A packet-generator stream in FD.io VPP's syntax: what follows `packet-generator new`.
 *
 *   { name udp  limit 10  size 64-64  rate 1e6  node ethernet-input
 *     data { IP4: 1.2.3 -> 4.5.6                  Ethernet: EtherType, source MAC -> destination MAC
 *            UDP: 10.0.0.1 - 10.0.0.9 -> 10.0.1.1 IPv4 carrying UDP; '-' increments, '+' picks at random
 *            UDP: 1234 -> 2345                    UDP ports
 *            incrementing 22 } }                  payload: bytes 0, 1, 2 ...
 *
 * The braces around the whole stream may be left out (the one-line form). A header names its
 * protocol with the word before ':', as VPP does; which protocol a header of that word means
 * depends on the header before it, so this grammar stops at the shapes and StreamSpecReader
 * gives them meaning.
 */
grammar PgStream;

// ---------------------------------------------------------------- parser

stream
    : LBRACE option* RBRACE EOF
    | option+ EOF
    ;

option
    : NAME name=word                      # nameOption
    | LIMIT INT                           # limitOption
    | SIZE lo=INT DASH hi=INT             # sizeOption
    | RATE number                         # rateOption
    | NODE word                           # nodeOption
    | (INTERFACE | SOURCE) word           # interfaceOption
    | TX_INTERFACE word                   # txInterfaceOption
    | PCAP word                           # pcapOption
    | DATA LBRACE header* payload* RBRACE # dataOption
    ;

/** `UDP: a -> b`, with extra fields after it (`ttl 5`). */
header
    : HEADER src=field ARROW dst=field headerField*
    | (HEADER | WORD) ICMP_TYPE
    ;

/** A value, an incrementing range (`lo - hi`) or a random one (`lo + hi`). */
field
    : lo=value ((DASH | PLUS) hi=value)?
    ;

value
    : IP4
    | MAC
    | INT
    | HEXNUM
    ;

headerField
    : WORD value
    ;

payload
    : INCREMENTING INT   # incrementingPayload
    | RANDOM INT         # randomPayload
    | HEX HEXNUM         # hexPayload
    ;

number
    : INT
    | FLOAT
    ;

word
    : WORD
    | STRING
    ;

// ---------------------------------------------------------------- lexer

LBRACE : '{' ;
RBRACE : '}' ;
ARROW  : '->' ;
DASH   : '-' ;
PLUS   : '+' ;

NAME         : 'name' ;
LIMIT        : 'limit' ;
SIZE         : 'size' ;
RATE         : 'rate' ;
NODE         : 'node' ;
INTERFACE    : 'interface' ;
SOURCE       : 'source' ;
TX_INTERFACE : 'tx-interface' ;
PCAP         : 'pcap' ;
DATA         : 'data' ;
INCREMENTING : 'incrementing' ;
RANDOM       : 'random' ;
HEX          : 'hex' ;

/** `echo_request` and the other ICMP types a header of its own names. */
ICMP_TYPE : 'echo_request' | 'echo_reply' ;

/** A protocol word and its colon: `IP4:`, `UDP:`, `TCP:`, `ICMP:`. */
HEADER : [A-Z] [A-Z0-9_]* ':' ;

IP4    : DEC '.' DEC '.' DEC '.' DEC ;
/** A MAC address as six colon-separated bytes or VPP's three dot-separated 16-bit groups. */
MAC    : HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB?
       | HEXB HEXB? HEXB? HEXB? '.' HEXB HEXB? HEXB? HEXB? '.' HEXB HEXB? HEXB? HEXB?
       ;
HEXNUM : '0' [xX] HEXB+ ;
FLOAT  : DEC '.' DEC ([eE] [+-]? DEC)? | DEC [eE] [+-]? DEC ;
INT    : DEC ;

STRING : '"' ~["\r\n]* '"' ;

/** Node names, stream names, file paths. */
WORD : [a-zA-Z_/.~] [a-zA-Z0-9_\-./~]* ;

COMMENT : '#' ~[\r\n]* -> skip ;
BLANK   : [ \t\r\n\f]+ -> skip ;

/** Any other character, so that the parser, not the lexer, reports it with what was expected. */
OTHER : . ;

fragment DEC  : [0-9]+ ;
fragment HEXB : [0-9a-fA-F] ;
