"""A vpp_papi session against a Vecta API socket: argv[1] is the socket.

Connects with the memclnt definition vpp_papi carries (bootstrapapi), so no .api.json files
are needed, then prints one line per step for the Java test to check.
"""
import sys

from vpp_papi import VPPApiClient

vpp = VPPApiClient(server_address=sys.argv[1], bootstrapapi=True, read_timeout=10)
vpp.connect("papi-session")
print("connected", hex(vpp.transport.socket_index))
ping = vpp.api.control_ping()
print("control_ping retval", ping.retval, "pid", ping.vpe_pid)
first = vpp.api.get_first_msg_id(name="no_such_module_00000000")
print("get_first_msg_id retval", first.retval, "first", first.first_msg_id)
versions = vpp.api.api_versions()
print("api_versions retval", versions.retval, "count", versions.count)
vpp.disconnect()
print("disconnected")
