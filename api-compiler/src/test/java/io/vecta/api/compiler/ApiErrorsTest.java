package io.vecta.api.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check and a few syntax errors, with the exact {@code file:line:column: message} the user sees. */
class ApiErrorsTest {

    @TempDir
    Path includeDir;

    // ------------------------------------------------------------ syntax

    @Test
    void shouldNameTheExpectedTokenWhenASemicolonIsMissing() {
        assertThat(errors("""
                define foo {
                  u32 context
                  u32 sw_if_index;
                };
                """)).containsExactly("t.api:3:3: expected '[' or ';', got 'u32'");
    }

    @Test
    void shouldRejectAStatementThatIsNotOneOfTheLanguage() {
        assertThat(errors("""
                option version = "1.0.0";
                message foo { u32 context; };
                """)).singleElement().asString()
                .startsWith("t.api:2:1: expected one of the end of the file, 'service', 'define', 'typedef'")
                .endsWith("got name 'message'");
    }

    @Test
    void shouldPointAtAnUnterminatedString() {
        assertThat(errors("option version = \"1.0.0;\n")).containsExactly(
                "t.api:1:18: unterminated string: a '\"' must be closed on the same line");
    }

    @Test
    void shouldPointAtAnUnterminatedComment() {
        assertThat(errors("""
                option version = "1.0.0";
                /* never closed
                define foo { u32 context; };
                """)).containsExactly("t.api:2:1: unterminated comment: '/*' is never closed by '*/'");
    }

    @Test
    void shouldRequireACommaAfterEveryEnumEntry() {
        assertThat(errors("""
                enum color : u8 {
                  RED = 1,
                  GREEN = 2
                };
                """)).containsExactly("t.api:4:1: expected '[' or ',', got '}'");
    }

    @Test
    void shouldReportTheEndOfTheFileInsideABlock() {
        assertThat(errors("typedef pair { u32 a;\n")).containsExactly(
                "t.api:2:1: expected one of 'option', 'u8', 'u16', 'u32', 'u64', 'i8', 'i16', 'i32', 'i64', 'f64', "
                        + "'bool', 'string', '}', a name, got the end of the file");
    }

    // ------------------------------------------------------------ types

    @Test
    void shouldRejectAnUndefinedType() {
        assertThat(errors("typedef pair { u32 a; vl_api_missing_t b; };\n")).containsExactly(
                "t.api:1:23: undefined type 'vl_api_missing_t' (define or import it before this use)");
    }

    @Test
    void shouldNameTheCNameWhenATypeIsWrittenBare() {
        assertThat(errors("""
                typedef pair { u32 a; };
                typedef outer { pair p; };
                """)).containsExactly(
                "t.api:2:17: undefined type 'pair' (types are named by their C name: vl_api_pair_t)");
    }

    @Test
    void shouldRejectATypeUsedBeforeItIsDefined() {
        assertThat(errors("""
                typedef outer { vl_api_pair_t p; };
                typedef pair { u32 a; };
                """)).containsExactly("t.api:1:17: undefined type 'vl_api_pair_t' (define or import it before this use)");
    }

    @Test
    void shouldRejectARedefinedType() {
        assertThat(errors("""
                enum color { RED, };
                typedef color { u32 x; };
                """)).containsExactly("t.api:2:1: type 'color' is already defined at t.api:1:1");
    }

    @Test
    void shouldRejectATypeDefinedAgainByAnImport() throws IOException {
        write("a/types.api", "typedef pair { u32 a; };\n");
        assertThat(errors("""
                import "a/types.api";
                typedef pair { u32 b; };
                """)).containsExactly("t.api:2:1: type 'pair' is already defined at " + includeDir.resolve("a/types.api")
                + ":1:1");
    }

    // ------------------------------------------------------------ fields

    @Test
    void shouldRejectAVariableLengthFieldThatIsNotLast() {
        assertThat(errors("""
                autoreply define foo {
                  u32 context;
                  u32 n;
                  u8 data[n];
                  u32 after;
                };
                """)).containsExactly("t.api:4:6: define 'foo': variable-length field 'data' must be the last field");
    }

    @Test
    void shouldRejectAnOpenStringThatIsNotLast() {
        assertThat(errors("""
                typedef named { string name[]; u32 id; };
                """)).containsExactly("t.api:1:24: typedef 'named': variable-length field 'name' must be the last field");
    }

    @Test
    void shouldTreatATypedefEndingInAVariableFieldAsVariable() {
        assertThat(errors("""
                typedef blob { u32 n; u8 data[n]; };
                typedef pair { vl_api_blob_t first; vl_api_blob_t second; };
                """)).containsExactly("t.api:2:30: typedef 'pair': variable-length field 'first' must be the last field");
    }

    @Test
    void shouldRejectALengthFieldThatIsNotDeclaredBefore() {
        assertThat(errors("""
                typedef blob { u8 data[count]; u32 count; };
                """)).containsExactly(
                "t.api:1:19: typedef 'blob': length field 'count' of 'data' must be a field declared before it",
                "t.api:1:19: typedef 'blob': variable-length field 'data' must be the last field");
    }

    @Test
    void shouldRejectALengthFieldThatIsNotAnInteger() {
        assertThat(errors("""
                typedef blob { string n[4]; u8 data[n]; };
                """)).containsExactly(
                "t.api:1:32: typedef 'blob': length field 'n' of 'data' must be an integer scalar, not the array 'string[4]'");
    }

    @Test
    void shouldRejectAStringThatIsNotAnArray() {
        assertThat(errors("typedef named { string name; };\n")).containsExactly(
                "t.api:1:24: typedef 'named': string 'name' must be an array: 'string name[N];' or 'string name[];'");
    }

    @Test
    void shouldRejectEmptyBracketsOnANonString() {
        assertThat(errors("typedef blob { u8 data[]; };\n")).containsExactly(
                "t.api:1:19: typedef 'blob': 'data[]' has no length; only strings may be declared with [] "
                        + "(write data[N] or data[length_field])");
    }

    @Test
    void shouldRejectAPythonKeywordAsFieldName() {
        assertThat(errors("typedef range { u32 from; u32 to; };\n")).containsExactly(
                "t.api:1:21: typedef 'range': field name 'from' is a Python keyword, which VPP's Python API cannot use");
    }

    @Test
    void shouldRejectAFieldDeclaredTwice() {
        assertThat(errors("typedef pair { u32 a; u16 a; };\n")).containsExactly(
                "t.api:1:27: typedef 'pair': field 'a' is already declared at t.api:1:20");
    }

    @Test
    void shouldRejectAnArrayLengthThatIsNotAWholeNumber() {
        assertThat(errors("typedef blob { u8 data[1.5]; };\n")).containsExactly(
                "t.api:1:24: typedef 'blob': array length of 'data' must be a whole number from 0 to 2147483647, not 1.5");
    }

    @Test
    void shouldRejectOptionsOutsideADefine() {
        assertThat(errors("typedef pair { u32 a; option deprecated; };\n")).containsExactly(
                "t.api:1:23: option statements belong in a define, not in typedef 'pair'");
    }

    @Test
    void shouldRejectAnAliasOfAVariableArray() {
        assertThat(errors("typedef string label[];\n")).containsExactly(
                "t.api:1:16: alias 'label' must name a type or a fixed-size array of one");
    }

    // ------------------------------------------------------------ enums

    @Test
    void shouldRejectABackwardsCompatibleEntryThatIsNotLast() {
        assertThat(errors("""
                enum action : u8 {
                  NONE = 0,
                  MARK = 4 [backwards_compatible],
                  DROP = 5,
                };
                """)).containsExactly("t.api:4:3: enum 'action': 'DROP' follows the backwards-compatible entry 'MARK';"
                + " backwards-compatible entries must come last");
    }

    @Test
    void shouldRejectAnEnumflagValueWithTwoBits() {
        assertThat(errors("""
                enumflag status : u8 {
                  UP = 1,
                  BOTH = 3,
                };
                """)).containsExactly("t.api:3:3: enumflag 'status': value 3 of 'BOTH' has more than one bit set");
    }

    @Test
    void shouldRejectAnEnumValueOutsideItsBaseType() {
        assertThat(errors("""
                enum small : u8 {
                  BIG = 255,
                  BIGGER,
                };
                """)).containsExactly("t.api:3:3: enum 'small': value 256 of 'BIGGER' does not fit its base type u8");
    }

    @Test
    void shouldRejectAnEnumBaseThatIsNotAnInteger() {
        assertThat(errors("enumflag wide : u64 { A = 1, };\n")).containsExactly(
                "t.api:1:17: enumflag 'wide': base type must be one of [u8, u16, u32], not 'u64'");
    }

    @Test
    void shouldRejectAnEnumEntryDeclaredTwice() {
        assertThat(errors("enum color { RED, RED, };\n")).containsExactly(
                "t.api:1:19: enum 'color': entry 'RED' is already declared at t.api:1:14");
    }

    // ------------------------------------------------------------ tagged unions

    @Test
    void shouldRequireTheDiscriminatorToBeAnEarlierEnumField() {
        assertThat(errors(TAGGED_TYPES + """
                typedef address { vl_api_address_union_t un[discriminator=af]; vl_api_family_t af; };
                """)).containsExactly("t.api:6:42: typedef 'address': field 'un': discriminator 'af' must be a scalar "
                + "field declared before it");
        assertThat(errors(TAGGED_TYPES + """
                typedef address { u8 af; vl_api_address_union_t un[discriminator=af]; };
                """)).containsExactly("t.api:6:49: typedef 'address': field 'un': discriminator 'af' must have an "
                + "enum type, not 'u8'");
    }

    @Test
    void shouldAllowADiscriminatorOnlyOnAUnion() {
        assertThat(errors(TAGGED_TYPES + """
                typedef address { vl_api_family_t af; u32 un[discriminator=af]; };
                """)).containsExactly("t.api:6:43: typedef 'address': field 'un': [discriminator=...] is only for "
                + "union-typed fields, not 'u32'");
    }

    @Test
    void shouldRequireADistinctCaseOfTheEnumOnEveryArm() {
        assertThat(errors("""
                enum family : u8 { IP4 = 0, IP6, };
                union address_union {
                  u32 ip4[case=IP4];
                  u32 also4[case=IP4];
                  u64 ip6[case=IP7];
                  u8 other;
                };
                typedef address { vl_api_family_t af; vl_api_address_union_t un[discriminator=af]; };
                """)).containsExactly(
                "t.api:4:7: union 'address_union' arm 'also4': case 'IP4' is already taken by arm 'ip4'",
                "t.api:5:7: union 'address_union' arm 'ip6': case 'IP7' is not an entry of vl_api_family_t",
                "t.api:6:6: union 'address_union' arm 'other' needs [case=<entry of vl_api_family_t>] because 'un' in "
                        + "typedef 'address' is tagged by 'af'");
    }

    private static final String TAGGED_TYPES = """
            enum family : u8 { IP4 = 0, IP6, };
            union address_union {
              u32 ip4[case=IP4];
              u64 ip6[case=IP6];
            };
            """;

    // ------------------------------------------------------------ messages and services

    @Test
    void shouldRejectAMessageDefinedTwice() {
        assertThat(errors("""
                autoreply define foo { u32 context; };
                define foo_reply { u32 context; i32 retval; };
                """)).containsExactly("t.api:2:1: message 'foo_reply' is already defined at t.api:1:1");
    }

    @Test
    void shouldRejectTheLegacyTypeonlyDefine() {
        assertThat(errors("typeonly define pair { u32 a; };\nservice { rpc pair returns null; };\n")).containsExactly(
                "t.api:1:1: 'typeonly define' is the legacy way to declare a type: write 'typedef pair { ... };' instead");
    }

    @Test
    void shouldRequireAReplyForEveryRequest() {
        assertThat(errors("define foo { u32 context; };\n")).containsExactly(
                "t.api:1:1: 'foo' has no reply: define 'foo_reply' or declare it in a service (for example "
                        + "'rpc foo returns null;')");
    }

    @Test
    void shouldRequireDetailsForADumpAndADumpForDetails() {
        assertThat(errors("""
                define foo_dump { u32 context; };
                define bar_details { u32 context; };
                """)).containsExactly(
                "t.api:1:1: 'foo_dump' has no 'foo_details' to stream back: define it or write a service for 'foo_dump'",
                "t.api:2:1: 'bar_details' is streamed by no request: define 'bar_dump' or 'bar_get'");
    }

    @Test
    void shouldRequireARequestForEveryReply() {
        assertThat(errors("define foo_reply { u32 context; };\n")).containsExactly(
                "t.api:1:1: reply 'foo_reply' has no request: define 'foo' or name it in a service");
    }

    @Test
    void shouldRequireAStreamServiceForAGetWithDetails() {
        assertThat(errors("""
                autoreply define foo_get { u32 context; };
                define foo_details { u32 context; };
                """)).containsExactly("t.api:2:1: 'foo_get' must be declared in a service as "
                + "'rpc foo_get returns foo_get_reply stream foo_details;'");
    }

    @Test
    void shouldRejectServicesThatNameUnknownMessages() {
        assertThat(errors("""
                autoreply define want_events { u32 context; };
                define event { u32 pid; };
                service {
                  rpc want_events returns want_events_reply events event, lost_event;
                  rpc nothing returns null;
                  rpc event returns event;
                  rpc want_events_reply returns null;
                };
                """)).containsExactly(
                "t.api:6:3: rpc 'event' cannot return itself",
                "t.api:4:3: rpc 'want_events' names event 'lost_event', which is not defined",
                "t.api:5:3: rpc 'nothing' names no message defined in this file",
                "t.api:7:3: rpc 'want_events_reply': 'want_events_reply' is the reply of another rpc and cannot also be "
                        + "a request");
    }

    // ------------------------------------------------------------ imports and many errors

    @Test
    void shouldRejectAnImportThatCannotBeFound() {
        assertThat(errors("import \"vnet/missing.api\";\n")).containsExactly(
                "t.api:1:1: cannot find imported file 'vnet/missing.api' in " + includeDir);
    }

    @Test
    void shouldRejectAnImportCycle() throws IOException {
        write("a.api", "import \"b.api\";\n");
        write("b.api", "import \"a.api\";\n");
        ApiCompileException failure = catchThrowableOfType(ApiCompileException.class,
                () -> new ApiLoader(includeDir).load(includeDir.resolve("a.api")));
        assertThat(failure.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                includeDir.resolve("b.api") + ":1:1: import cycle: " + includeDir.resolve("a.api") + " -> "
                        + includeDir.resolve("b.api") + " -> " + includeDir.resolve("a.api"));
    }

    @Test
    void shouldReportErrorsOfAnImportedFileAtTheirOwnPosition() throws IOException {
        write("lib/types.api", "typedef pair {\n  vl_api_nothing_t x;\n};\n");
        assertThat(errors("import \"lib/types.api\";\n")).containsExactly(includeDir.resolve("lib/types.api")
                + ":2:3: undefined type 'vl_api_nothing_t' (define or import it before this use)");
    }

    @Test
    void shouldReportASyntaxErrorOfAnImportedFileWithTheImportersOwnErrors() throws IOException {
        write("lib/broken.api", "typedef pair { u32 a }\n");
        assertThat(errors("""
                import "lib/broken.api";
                typedef user { vl_api_pair_t p; };
                """)).containsExactly(
                includeDir.resolve("lib/broken.api") + ":1:22: expected '[' or ';', got '}'",
                "t.api:2:16: undefined type 'vl_api_pair_t' (define or import it before this use)");
    }

    @Test
    void shouldReportEveryCheckThatFailsNotOnlyTheFirst() {
        ApiCompileException failure = catchThrowableOfType(ApiCompileException.class, () -> load("""
                typedef a { vl_api_x_t x; };
                typedef b { string s; };
                enum c : u8 { V = 300, };
                """));
        assertThat(failure.diagnostics()).hasSize(3);
        assertThat(failure.getMessage()).isEqualTo(String.join("\n", failure.diagnostics().stream()
                .map(Diagnostic::toString).toList()));
    }

    private List<String> errors(String text) {
        ApiCompileException failure = catchThrowableOfType(ApiCompileException.class, () -> load(text));
        assertThat(failure).as("an error for:\n%s", text).isNotNull();
        return failure.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private void load(String text) throws ApiCompileException {
        new ApiLoader(includeDir).load(Path.of("t.api"), text);
    }

    private void write(String name, String text) throws IOException {
        Path file = includeDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
