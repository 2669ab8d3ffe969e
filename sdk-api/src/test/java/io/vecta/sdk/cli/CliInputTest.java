package io.vecta.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vecta.sdk.packet.Ip4Prefix;
import io.vecta.sdk.packet.Ip6Address;
import io.vecta.sdk.packet.Ip6Prefix;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CliInputTest {

    private static final CliNames NAMES = new CliNames() {
        @Override
        public List<String> interfaceNames() {
            return List.of("eth0", "eth1", "loop0", "memif0/0");
        }

        @Override
        public List<String> nodeNames() {
            return List.of("ip4-lookup", "ip4-input", "error-drop");
        }
    };

    @Test
    void shouldReadKeywordsOnlyAsWholeWords() {
        CliInput in = CliInput.of("  verbose   verbosely ");

        assertThat(in.keyword("brief")).isFalse();
        assertThat(in.keyword("verbose")).isTrue();
        assertThat(in.keyword("verbose")).isFalse();
        assertThat(in.atEnd()).isFalse();
        assertThat(in.keyword("verbosely")).isTrue();
        assertThat(in.atEnd()).isTrue();
        in.expectEnd();
    }

    @Test
    void shouldReportUnknownInputWithTheRestOfTheLine() {
        CliInput in = CliInput.of("verbose  foo bar ");
        in.keyword("verbose");

        assertThat(in.unknownInput()).hasMessage("unknown input 'foo bar'");
        assertThatThrownBy(in::expectEnd).isInstanceOf(CliException.class).hasMessage("unknown input 'foo bar'");
    }

    @Test
    void shouldSuggestTheKeywordATypoWasMeantToBe() {
        CliInput in = CliInput.of("verbsoe");
        in.keyword("detail");
        in.keyword("verbose");

        assertThat(in.unknownInput()).hasMessage("unknown input 'verbsoe'; did you mean 'verbose'?");
    }

    @Test
    void shouldListWhatWasTriedWhenNoKeywordIsNear() {
        CliInput in = CliInput.of("verbose banana");
        in.keyword("verbose");
        in.keyword("detail");
        in.tryNumber();
        in.tryIp4Address();

        assertThat(in.unknownInput())
                .hasMessage("unknown input 'banana'; expected detail, a number or an IPv4 address");
    }

    @Test
    void shouldForgetWhatWasTriedOnceAWordIsRead() {
        CliInput in = CliInput.of("verbose 12 banana");
        in.keyword("limit");
        in.keyword("verbose");
        in.tryNumber();

        assertThat(in.unknownInput()).hasMessage("unknown input 'banana'");
    }

    @Test
    void shouldShowAtMostThirtyCharactersOfTheRestAsVppDoes() {
        CliInput in = CliInput.of("abcdefghijklmnopqrstuvwxyz0123456789\tend");

        assertThat(in.unknownInput()).hasMessage("unknown input 'abcdefghijklmnopqrstuvwxyz0123...'");
        assertThat(CliInput.of("a\tb").unknownInput()).hasMessage("unknown input 'a\\tb'");
    }

    @Test
    void shouldReadDecimalAndHexNumbers() {
        CliInput in = CliInput.of("42 -7 +3 0x1F 0XfF");

        assertThat(in.tryNumber()).hasValue(42);
        assertThat(in.number("n")).isEqualTo(-7);
        assertThat(in.number("n")).isEqualTo(3);
        assertThat(in.tryNumber()).hasValue(31);
        assertThat(in.number("n")).isEqualTo(255);
        assertThat(in.tryNumber()).isEmpty();
    }

    @Test
    void shouldLeaveAWordThatIsNotANumber() {
        CliInput in = CliInput.of("12abc 0x 1.5 ٣");

        assertThat(in.tryNumber()).isEmpty();
        assertThat(in.word("w")).isEqualTo("12abc");
        assertThat(in.tryNumber()).isEmpty();
        assertThat(in.word("w")).isEqualTo("0x");
        assertThat(in.tryNumber()).isEmpty();
        assertThat(in.word("w")).isEqualTo("1.5");
        assertThat(in.tryNumber()).as("digits of other scripts are not numbers").isEmpty();
    }

    @Test
    void shouldRefuseNumbersOutsideIntNamingTheBounds() {
        assertThat(CliInput.of("2147483648").tryNumber()).isEmpty();
        assertThat(CliInput.of("-2147483648").tryNumber()).hasValue(Integer.MIN_VALUE);
        assertThatThrownBy(() -> CliInput.of("99999999999").number("count"))
                .isInstanceOf(CliException.class)
                .hasMessage("count: expected a number in -2147483648..2147483647, got '99999999999'");
        assertThatThrownBy(() -> CliInput.of("many").number("count"))
                .hasMessage("count: expected a number, got 'many'");
        assertThatThrownBy(() -> CliInput.of("  ").number("count"))
                .hasMessage("count: expected a number, got end of line");
    }

    @Test
    void shouldCheckNumbersAgainstTheCallersBounds() {
        CliInput in = CliInput.of("15 16");

        assertThat(in.number("queue", 0, 15)).isEqualTo(15);
        assertThatThrownBy(() -> in.number("queue", 0, 15))
                .hasMessage("queue: expected a number in 0..15, got '16'");
        assertThat(in.number("queue", 0, 16)).as("a failed read consumes nothing").isEqualTo(16);
        assertThatThrownBy(() -> CliInput.of("x").number("queue", 0, 15))
                .hasMessage("queue: expected a number in 0..15, got 'x'");
    }

    @Test
    void shouldReadLongNumbers() {
        CliInput in = CliInput.of("9223372036854775807 0x10 -5");

        assertThat(in.tryLongNumber()).hasValue(Long.MAX_VALUE);
        assertThat(in.longNumber("n")).isEqualTo(16);
        assertThat(in.longNumber("n")).isEqualTo(-5);
        assertThatThrownBy(() -> CliInput.of("9223372036854775808").longNumber("bytes"))
                .hasMessage("bytes: expected a number in -9223372036854775808..9223372036854775807,"
                        + " got '9223372036854775808'");
    }

    @Test
    void shouldReadBareHexNumbersAsUnsignedBits() {
        CliInput in = CliInput.of("ff 0xDEAD ffffffffffffffff 1ffffffffffffffff g1");

        assertThat(in.tryHexNumber()).hasValue(0xff);
        assertThat(in.hexNumber("x")).isEqualTo(0xdead);
        assertThat(in.hexNumber("x")).isEqualTo(-1L);
        assertThat(in.tryHexNumber()).as("17 digits do not fit").isEmpty();
        assertThatThrownBy(() -> in.hexNumber("mask"))
                .hasMessage("mask: expected a hex number, got '1ffffffffffffffff'");
    }

    @Test
    void shouldReadRanges() {
        CliInput in = CliInput.of("0-3 0x10-0x1f 7-7 9-3 -1-4 5");

        assertThat(in.tryRange()).hasValue(new Range(0, 3));
        assertThat(in.range("queues")).isEqualTo(new Range(16, 31));
        assertThat(in.range("queues")).isEqualTo(new Range(7, 7));
        assertThat(in.tryRange()).isEmpty();
        assertThatThrownBy(() -> in.range("queues"))
                .hasMessage("queues: expected a range first-last with first <= last, got '9-3'");
        in.word("skip");
        assertThatThrownBy(() -> in.range("queues")).hasMessage("queues: expected a range first-last, got '-1-4'");
        in.word("skip");
        assertThat(in.tryRange()).as("a single number is not a range").isEmpty();
    }

    @Test
    void shouldReadIp4AddressesAndRefuseBadOnesWithWhatWasExpected() {
        CliInput in = CliInput.of("192.0.2.1 10.0.0.256");

        assertThat(in.tryIp4Address()).hasValue(0xc0000201);
        assertThat(in.tryIp4Address()).isEmpty();
        assertThatThrownBy(() -> in.ip4Address("next-hop"))
                .hasMessage("next-hop: expected an IPv4 address, got '10.0.0.256'");
        assertThatThrownBy(() -> CliInput.of("10.0.0.256").ip4Address(""))
                .hasMessage("expected an IPv4 address, got '10.0.0.256'");
    }

    @Test
    void shouldReadIp4PrefixesKeepingHostBits() {
        CliInput in = CliInput.of("10.0.0.1/24 10.0.0.0/33 10.0.0.0");

        Ip4Prefix prefix = in.ip4Prefix("address");
        assertThat(prefix).isEqualTo(new Ip4Prefix(0x0a000001, 24));
        assertThat(prefix.network()).isEqualTo(0x0a000000);
        assertThat(in.tryIp4Prefix()).isEmpty();
        assertThatThrownBy(() -> in.ip4Prefix("route")).hasMessage("route: expected an IPv4 prefix, got '10.0.0.0/33'");
        in.word("skip");
        assertThatThrownBy(() -> in.ip4Prefix("route")).hasMessage("route: expected an IPv4 prefix, got '10.0.0.0'");
    }

    @Test
    void shouldReadIp6AddressesAndPrefixes() {
        CliInput in = CliInput.of("2001:db8::1 2001:db8::/32 ::ffff:192.0.2.1 2001:db8:::1");

        assertThat(in.tryIp6Address()).hasValueSatisfying(
                bytes -> assertThat(Ip6Address.format(bytes)).isEqualTo("2001:db8::1"));
        assertThat(in.tryIp6Address()).as("a prefix is not an address").isEmpty();
        Ip6Prefix prefix = in.ip6Prefix("route");
        assertThat(prefix.toString()).isEqualTo("2001:db8::/32");
        assertThat(Ip6Address.format(in.ip6Address("peer"))).isEqualTo("::ffff:192.0.2.1");
        assertThatThrownBy(() -> in.ip6Address("peer"))
                .hasMessage("peer: expected an IPv6 address, got '2001:db8:::1'");
        assertThatThrownBy(() -> in.ip6Prefix("route"))
                .hasMessage("route: expected an IPv6 prefix, got '2001:db8:::1'");
    }

    @Test
    void shouldReadMacAddresses() {
        CliInput in = CliInput.of("02:FE:12:34:56:78 02:fe:12:34:56");

        assertThat(in.tryMacAddress()).hasValue(0x02fe12345678L);
        assertThat(in.tryMacAddress()).isEmpty();
        assertThatThrownBy(() -> in.macAddress("mac")).hasMessage("mac: expected a MAC address, got '02:fe:12:34:56'");
    }

    @Test
    void shouldReadAnyWordAsANameWithoutTheRuntimesNames() {
        CliInput in = CliInput.of("GigabitEthernet0/8/0 ip4-whatever");

        assertThat(in.tryInterfaceName()).hasValue("GigabitEthernet0/8/0");
        assertThat(in.nodeName("node")).isEqualTo("ip4-whatever");
        assertThatThrownBy(() -> in.interfaceName("interface"))
                .hasMessage("interface: expected an interface name, got end of line");
    }

    @Test
    void shouldCheckNamesAgainstTheRuntimesNamesAndSuggestTheNearest() {
        CliInput in = CliInput.of("memif0/0 verbose ip4-lokup", NAMES);

        assertThat(in.interfaceName("interface")).isEqualTo("memif0/0");
        assertThat(in.tryInterfaceName()).as("an existing name only").isEmpty();
        assertThatThrownBy(() -> in.interfaceName("interface")).hasMessage("interface: no interface named 'verbose'");
        assertThat(in.keyword("verbose")).isTrue();
        assertThat(in.tryNodeName()).isEmpty();
        assertThatThrownBy(() -> in.nodeName("node"))
                .hasMessage("node: no node named 'ip4-lokup'; did you mean 'ip4-lookup'?");
        assertThatThrownBy(() -> CliInput.of("eth9", NAMES).interfaceName("interface"))
                .hasMessage("interface: no interface named 'eth9'; did you mean 'eth0'?");
    }

    @Test
    void shouldReadOneKeywordOfASet() {
        CliInput in = CliInput.of("tx rz");

        assertThat(in.oneOf("direction", "rx", "tx", "drop")).isEqualTo("tx");
        assertThat(in.tryOneOf("rx", "tx")).isEmpty();
        assertThatThrownBy(() -> in.oneOf("direction", "rx", "tx", "drop"))
                .hasMessage("direction: expected rx, tx or drop, got 'rz'; did you mean 'rx'?");
        assertThat(in.unknownInput()).hasMessage("unknown input 'rz'; did you mean 'rx'?");
        assertThatThrownBy(() -> CliInput.of("").oneOf("mode", "on", "off"))
                .hasMessage("mode: expected on or off, got end of line");
    }

    @Test
    void shouldReadQuotedBracedAndBareStrings() {
        CliInput in = CliInput.of("\"a \\\"quoted\\\" \\\\ text\" {VPP {nested} braces} word \"\"");

        assertThat(in.tryString()).hasValue("a \"quoted\" \\ text");
        assertThat(in.string("s")).isEqualTo("VPP {nested} braces");
        assertThat(in.string("s")).isEqualTo("word");
        assertThat(in.string("s")).isEmpty();
        assertThat(in.atEnd()).isTrue();
        assertThatThrownBy(() -> in.string("name")).hasMessage("name: expected a string, got end of line");
    }

    @Test
    void shouldRefuseUnclosedQuotesNamingTheMissingCloser() {
        CliInput quote = CliInput.of("\"no end");
        assertThat(quote.tryString()).isEmpty();
        assertThatThrownBy(() -> quote.string("description"))
                .hasMessage("description: expected a string, got '\"no end' (no closing '\"')");
        assertThatThrownBy(() -> CliInput.of("{a {b}").string("description"))
                .hasMessage("description: expected a string, got '{a {b}' (no closing '}')");
    }

    @Test
    void shouldReadTheRestOfTheLine() {
        CliInput in = CliInput.of("name   free text, with  spaces  ");

        assertThat(in.word("w")).isEqualTo("name");
        assertThat(in.restOfLine()).isEqualTo("free text, with  spaces");
        assertThat(in.atEnd()).isTrue();
        assertThat(in.restOfLine()).isEmpty();
    }

    @Test
    void shouldReadAWholeCommandLineInAnyOrder() {
        CliInput in = CliInput.of("limit 10 verbose 10.0.0.1");
        boolean verbose = false;
        int limit = 0;
        int address = 0;
        while (!in.atEnd()) {
            OptionalInt ip;
            if (in.keyword("verbose")) {
                verbose = true;
            } else if (in.keyword("limit")) {
                limit = in.number("limit");
            } else if ((ip = in.tryIp4Address()).isPresent()) {
                address = ip.getAsInt();
            } else {
                throw in.unknownInput();
            }
        }
        assertThat(verbose).isTrue();
        assertThat(limit).isEqualTo(10);
        assertThat(address).isEqualTo(0x0a000001);
    }

    @Test
    void shouldRefuseAnEmptyKeyword() {
        assertThatThrownBy(() -> CliInput.of("").keyword("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a keyword is at least one character");
    }

    @Test
    void shouldReadRandomInputWithNoErrorButCliException() {
        long seed = 0xC11_1A9L;
        Random random = new Random(seed);
        String alphabet = "0123456789abcdefxABCDEF:./-+\"{} \t?";
        List<Consumer<CliInput>> readers = List.of(CliInput::tryNumber, CliInput::tryLongNumber,
                CliInput::tryHexNumber, CliInput::tryRange, CliInput::tryIp4Address, CliInput::tryIp4Prefix,
                CliInput::tryIp6Address, CliInput::tryIp6Prefix, CliInput::tryMacAddress, CliInput::tryString,
                in -> in.tryInterfaceName(), in -> in.keyword("abc"), in -> in.tryOneOf("a", "b"),
                in -> in.number("n"), in -> in.ip6Address("a"), in -> in.string("s"), in -> in.range("r"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            CliInput in = CliInput.of(text.toString(), NAMES);
            for (int step = 0; step < 6 && !in.atEnd(); step++) {
                try {
                    readers.get(random.nextInt(readers.size())).accept(in);
                } catch (CliException expected) {
                    assertThat(expected.getMessage()).as("seed %d, input '%s'", seed, text).isNotBlank();
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", input '" + text + "': " + e, e);
                }
            }
            assertThat(in.unknownInput().getMessage()).as("seed %d", seed).startsWith("unknown input '");
        }
    }
}
