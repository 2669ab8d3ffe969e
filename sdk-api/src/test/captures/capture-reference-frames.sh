#!/bin/bash
# Captures the reference frames that the packet header tests (CapturedFrames.java) hold as hex.
#
# Two network namespaces joined by a veth pair, with checksum and VLAN offloads off so the
# capture holds the bytes as they went between the two stacks; tcpdump listens on side B.
# Needs root and Debian's tcpdump, ethtool, iputils-ping, socat, curl, python3 (and tshark to
# decode). Writes one pcap per scenario into the given folder, then removes the namespaces.
#   sudo ./capture-reference-frames.sh /tmp/frames
#   ./pcap-to-hex.py /tmp/frames/udp4.pcap:1          # the hex of frame 1
#   tshark -r /tmp/frames/udp4.pcap -V                 # the decode the tests assert
set -euo pipefail
out=${1:?output folder}
mkdir -p "$out"
A=vecta-cap-a; B=vecta-cap-b
here=$(cd "$(dirname "$0")" && pwd)
bpffs=
cleanup() {
  [ -n "$bpffs" ] && { umount "$bpffs" 2>/dev/null; rmdir "$bpffs"; }
  ip netns del $A 2>/dev/null || true; ip netns del $B 2>/dev/null || true
}
trap cleanup EXIT
cleanup
ip netns add $A; ip netns add $B
ip link add vca type veth peer name vcb
ip link set vca netns $A; ip link set vcb netns $B
ip -n $A link set vca address 02:fe:12:34:56:78
ip -n $B link set vcb address 02:fe:9a:bc:de:f0
for ns in $A $B; do
  dev=$([ $ns = $A ] && echo vca || echo vcb)
  ip netns exec $ns ethtool -K $dev tx off rx off txvlan off rxvlan off >/dev/null 2>&1 || true
  ip netns exec $ns sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  ip -n $ns link set lo up; ip -n $ns link set $dev up
done
ip -n $A addr add 192.0.2.1/24 dev vca; ip -n $B addr add 192.0.2.2/24 dev vcb
ip -n $A addr add 2001:db8::1/64 dev vca nodad; ip -n $B addr add 2001:db8::2/64 dev vcb nodad
sleep 1

cap() { # name, filter, command...
  local name=$1 filter=$2; shift 2
  ip netns exec $B tcpdump -i vcb -U -n -w "$out/$name.pcap" "$filter" >/dev/null 2>&1 &
  local pid=$!
  sleep 1
  ip netns exec $A "$@" >/dev/null 2>&1 || true
  sleep 1
  kill $pid; wait $pid 2>/dev/null || true
}
cap arp-and-ping 'arp or icmp' ping -c 1 -p 766563746120 192.0.2.2
cap ipv4-record-route 'icmp' ping -c 1 -R -Q 0xb9 192.0.2.2   # DSCP EF, ECN ECT(1)
cap udp4 'udp' bash -c 'echo -n "hello vecta" | socat -u - UDP4-SENDTO:192.0.2.2:30000,sourceport=40000'
cap tcp4-syn-closed 'tcp' curl -s --max-time 1 http://192.0.2.2:8080/
ip netns exec $B socat -u TCP4-LISTEN:7000,reuseaddr - >/dev/null 2>&1 &
sleep 0.5
cap tcp4-data 'tcp' python3 -c 'import socket, time
s = socket.create_connection(("192.0.2.2", 7000)); s.sendall(b"hello vecta"); time.sleep(0.2)
s.send(b"!", socket.MSG_OOB); time.sleep(0.2); s.close()'
cap ping6 'icmp6' ping -6 -c 1 -Q 0x6a 2001:db8::2   # traffic class: DSCP AF31, ECN ECT(0)
cap udp6 'udp' bash -c 'echo -n "hello vecta" | socat -u - UDP6-SENDTO:[2001:db8::2]:30000,sourceport=40000'
cap tcp6-syn-closed 'tcp' curl -s --max-time 1 'http://[2001:db8::2]:8080/'
# IPv4 fragments: an MTU below the echo size (IPv6 leaves the link at this MTU, so last but one)
ip -n $B link set vcb mtu 576; ip -n $A link set vca mtu 576
cap ipv4-fragments 'ip' ping -c 1 -s 700 192.0.2.2
ip -n $B link set vcb mtu 1500; ip -n $A link set vca mtu 1500
# VLAN tags: this kernel has no 8021q, so a tc classifier on A's egress pushes the tags
# (bpf_skb_vlan_push) onto the kernel's own echo request; B drops the tagged frame unanswered.
bpffs=$(mktemp -d); mount -t bpf bpf "$bpffs"
ip -n $A neigh replace 192.0.2.2 lladdr 02:fe:9a:bc:de:f0 dev vca nud permanent
tc -n $A qdisc add dev vca clsact
python3 "$here/vlan-push-classifier.py" "$bpffs/vlan100" 0x8100:0xa064           # PCP 5, VID 100
tc -n $A filter add dev vca egress bpf da object-pinned "$bpffs/vlan100"
cap vlan100-ping 'vlan and icmp' ping -c 1 -W 1 192.0.2.2
tc -n $A filter del dev vca egress
python3 "$here/vlan-push-classifier.py" "$bpffs/qinq" 0x8100:0x112c 0x88a8:0x60c8  # C-tag DEI VID 300, S-tag PCP 3 VID 200
tc -n $A filter add dev vca egress bpf da object-pinned "$bpffs/qinq"
cap qinq-ping 'vlan' ping -c 1 -W 1 192.0.2.2
tc -n $A filter del dev vca egress
