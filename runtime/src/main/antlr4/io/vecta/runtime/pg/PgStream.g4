/*
 * A packet-generator stream in FD.io VPP's syntax: what follows `packet-generator new`.
 *
 *   { name udp  limit 10  size 64-64  rate 1e6  node ethernet-input
 *     data { IP4: 1.2.3 -> 4.5.6                  Ethernet: EtherType, source MAC -> destination MAC
 *            UDP: 10.0.0.1 - 10.0.0.9 -> 10.0.1.1 IPv4 carrying UDP; '-' increments, '+' picks at random
 *            UDP: 1234 -> 2345                    UDP ports
 *            incrementing 22 } }                  payload: bytes 0, 1, 2 ...
 *
 *   data { IP6: 1.2.3 -> 4.5.6  UDP: 2001:db8::1 -> 2001:db8::2 hop-limit 5  UDP: 1234 -> 2345 }
 *                                                 IPv6 carrying UDP, with its extra fields
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
    | DATA LBRACE reader=word? header* payload* RBRACE # dataOption
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
    | IP6
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

/*
 * Colons: a protocol word ends with one (`IP6:`), a MAC address holds five, an IPv6 address two
 * or more. ANTLR takes the longest match, and the first rule of equal matches, so
 *   `IP6:`               is a HEADER: 'I' and 'P' are no hex digits, so IP6 cannot start there;
 *   `CAFE: 1.2.3.4`      is a HEADER: an IPv6 address needs a second colon;
 *   `FE80::1`            is an IP6, longer than the HEADER `FE80:`;
 *   `00:01:02:03:04:05`  is a MAC: MAC comes before IP6 and matches as much (no IPv6 address
 *                        has six groups without '::');
 *   `0:1:2:3:4:5:6:7`    is an IP6, longer than the MAC it starts with.
 * IP6 takes any run of hex digits, colons and dots with two colons at least (and a zone after
 * '%'), so that StreamSpecReader, not the lexer, says what is wrong with a bad address.
 */

/** A protocol word and its colon: `IP4:`, `IP6:`, `UDP:`, `TCP:`, `ICMP:`, `ICMP6:`. */
HEADER : [A-Z] [A-Z0-9_]* ':' ;

IP4    : DEC '.' DEC '.' DEC '.' DEC ;
/** A MAC address as six colon-separated bytes or VPP's three dot-separated 16-bit groups. */
MAC    : HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB? ':' HEXB HEXB?
       | HEXB HEXB? HEXB? HEXB? '.' HEXB HEXB? HEXB? HEXB? '.' HEXB HEXB? HEXB? HEXB?
       ;
/** An IPv6 address in any RFC 4291 text form: `2001:db8::1`, `::1`, `::ffff:10.0.0.1`. */
IP6    : HEXB* ':' HEXB* ':' [0-9a-fA-F:.]* ('%' [a-zA-Z0-9_.]*)? ;
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
