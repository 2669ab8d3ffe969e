package io.vecta.sdk.packet;

/**
 * The names VPP gives ICMP and ICMPv6 message types and codes in its traces (its
 * {@code icmp46_packet.h} tables): the type, then the code's name when the code has one, as in
 * {@code destination_unreachable port_unreachable}; a type it does not know prints as
 * {@code unknown 0x2a}. For {@link VppHeaderFormat}.
 */
final class VppIcmpNames {

    private VppIcmpNames() {
    }

    /** The type's name followed by the code's name, if the code has one. */
    static String typeAndCode(boolean icmp6, int type, int code) {
        String typeName = icmp6 ? type6(type) : type4(type);
        if (typeName == null) {
            return "unknown 0x" + Integer.toHexString(type);
        }
        String codeName = icmp6 ? code6(type, code) : code4(type, code);
        return codeName == null ? typeName : typeName + ' ' + codeName;
    }

    private static String type4(int type) {
        return switch (type) {
            case 0 -> "echo_reply";
            case 3 -> "destination_unreachable";
            case 4 -> "source_quench";
            case 5 -> "redirect";
            case 6 -> "alternate_host_address";
            case 8 -> "echo_request";
            case 9 -> "router_advertisement";
            case 10 -> "router_solicitation";
            case 11 -> "time_exceeded";
            case 12 -> "parameter_problem";
            case 13 -> "timestamp_request";
            case 14 -> "timestamp_reply";
            case 15 -> "information_request";
            case 16 -> "information_reply";
            case 17 -> "address_mask_request";
            case 18 -> "address_mask_reply";
            case 30 -> "traceroute";
            case 31 -> "datagram_conversion_error";
            case 32 -> "mobile_host_redirect";
            case 33 -> "ip6_where_are_you";
            case 34 -> "ip6_i_am_here";
            case 35 -> "mobile_registration_request";
            case 36 -> "mobile_registration_reply";
            case 37 -> "domain_name_request";
            case 38 -> "domain_name_reply";
            case 39 -> "skip";
            case 40 -> "photuris";
            default -> null;
        };
    }

    private static String code4(int type, int code) {
        return switch (type) {
            case Icmp.TYPE_DESTINATION_UNREACHABLE -> switch (code) {
                case 0 -> "destination_unreachable_net";
                case 1 -> "destination_unreachable_host";
                case 2 -> "protocol_unreachable";
                case 3 -> "port_unreachable";
                case 4 -> "fragmentation_needed_and_dont_fragment_set";
                case 5 -> "source_route_failed";
                case 6 -> "destination_network_unknown";
                case 7 -> "destination_host_unknown";
                case 8 -> "source_host_isolated";
                case 9 -> "network_administratively_prohibited";
                case 10 -> "host_administratively_prohibited";
                case 11 -> "network_unreachable_for_type_of_service";
                case 12 -> "host_unreachable_for_type_of_service";
                case 13 -> "communication_administratively_prohibited";
                case 14 -> "host_precedence_violation";
                case 15 -> "precedence_cutoff_in_effect";
                default -> null;
            };
            case Icmp.TYPE_REDIRECT -> switch (code) {
                case 0 -> "network_redirect";
                case 1 -> "host_redirect";
                case 2 -> "type_of_service_and_network_redirect";
                case 3 -> "type_of_service_and_host_redirect";
                default -> null;
            };
            case 9 -> switch (code) {
                case 0 -> "normal_router_advertisement";
                case 16 -> "does_not_route_common_traffic";
                default -> null;
            };
            case Icmp.TYPE_TIME_EXCEEDED -> timeExceeded(code);
            case Icmp.TYPE_PARAMETER_PROBLEM -> switch (code) {
                case 0 -> "pointer_indicates_error";
                case 1 -> "missing_required_option";
                case 2 -> "bad_length";
                default -> null;
            };
            default -> null;
        };
    }

    private static String type6(int type) {
        return switch (type) {
            case 1 -> "destination_unreachable";
            case 2 -> "packet_too_big";
            case 3 -> "time_exceeded";
            case 4 -> "parameter_problem";
            case 128 -> "echo_request";
            case 129 -> "echo_reply";
            case 130 -> "multicast_listener_request";
            case 131 -> "multicast_listener_report";
            case 132 -> "multicast_listener_done";
            case 133 -> "router_solicitation";
            case 134 -> "router_advertisement";
            case 135 -> "neighbor_solicitation";
            case 136 -> "neighbor_advertisement";
            case 137 -> "redirect";
            case 138 -> "router_renumbering";
            case 139 -> "node_information_request";
            case 140 -> "node_information_response";
            case 141 -> "inverse_neighbor_solicitation";
            case 142 -> "inverse_neighbor_advertisement";
            case 143 -> "multicast_listener_report_v2";
            case 144 -> "home_agent_address_discovery_request";
            case 145 -> "home_agent_address_discovery_reply";
            case 146 -> "mobile_prefix_solicitation";
            case 147 -> "mobile_prefix_advertisement";
            case 148 -> "certification_path_solicitation";
            case 149 -> "certification_path_advertisement";
            case 151 -> "multicast_router_advertisement";
            case 152 -> "multicast_router_solicitation";
            case 153 -> "multicast_router_termination";
            case 154 -> "fmipv6_messages";
            default -> null;
        };
    }

    private static String code6(int type, int code) {
        return switch (type) {
            case Icmp.TYPE6_DESTINATION_UNREACHABLE -> switch (code) {
                case 0 -> "no_route_to_destination";
                case 1 -> "destination_administratively_prohibited";
                case 2 -> "beyond_scope_of_source_address";
                case 3 -> "address_unreachable";
                case 4 -> "port_unreachable";
                case 5 -> "source_address_failed_policy";
                case 6 -> "reject_route_to_destination";
                default -> null;
            };
            case Icmp.TYPE6_TIME_EXCEEDED -> timeExceeded(code);
            case Icmp.TYPE6_PARAMETER_PROBLEM -> switch (code) {
                case 0 -> "erroneous_header_field";
                case 1 -> "unrecognized_next_header";
                case 2 -> "unrecognized_option";
                case 3 -> "first_fragment_has_incomplete_header_chain";
                default -> null;
            };
            case 138 -> switch (code) {
                case 0 -> "command";
                case 1 -> "result";
                default -> null;
            };
            case 139 -> switch (code) {
                case 0 -> "data_contains_ip6_address";
                case 1 -> "data_contains_name";
                case 2 -> "data_contains_ip4_address";
                default -> null;
            };
            case 140 -> switch (code) {
                case 0 -> "success";
                case 1 -> "failed";
                case 2 -> "unknown_request";
                default -> null;
            };
            default -> null;
        };
    }

    private static String timeExceeded(int code) {
        return switch (code) {
            case 0 -> "ttl_exceeded_in_transit";
            case 1 -> "fragment_reassembly_time_exceeded";
            default -> null;
        };
    }
}
