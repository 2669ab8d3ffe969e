#!/usr/bin/env bash
# iperf3 TCP between two Linux hosts (network namespaces), routed once by Vecta over AF_PACKET
# host interfaces and once by the Linux kernel, in one run so the two figures share the
# machine's load. Needs root, iproute2, iperf3 (ethtool to turn veth offloads off).
#
#   benchmarks/e2e/iperf3-routed.sh [seconds]      default 5
#   VECTA_RX_MODE=polling|interrupt|adaptive         the host interfaces' rx mode (default: Vecta's, interrupt)
#
#   netns e2ea: eth0 198.18.1.2/24 ─ veth ─ e2ea-h ┐              ┌ e2eb-h ─ veth ─ eth0 198.18.2.2/24 :netns e2eb
#                                                  └ Vecta | or a ┘
#                                                    router netns with ip_forward=1
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
seconds=${1:-5}
rx_mode=${VECTA_RX_MODE:-}
case $rx_mode in
  ""|polling|interrupt|adaptive) ;;
  *) echo "iperf3-routed: VECTA_RX_MODE must be polling, interrupt or adaptive, not '$rx_mode'" >&2; exit 2 ;;
esac
[[ $(id -u) -eq 0 ]] || { echo "iperf3-routed: needs root (network namespaces)" >&2; exit 2; }
for tool in ip iperf3; do
  command -v $tool >/dev/null || { echo "iperf3-routed: $tool is not installed" >&2; exit 2; }
done
work=$(mktemp -d)
vecta_pid=
cleanup() {
  [[ -n $vecta_pid ]] && kill "$vecta_pid" 2>/dev/null && wait "$vecta_pid" 2>/dev/null || true
  for ns in e2ea e2eb e2er; do ip netns del $ns 2>/dev/null || true; done
  ip link del e2ea-h 2>/dev/null || true
  ip link del e2eb-h 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

quiet() { # NS DEV: no IPv6 chatter, no offloads (AF_PACKET then reads whole checksums)
  local x=(); [[ -n $1 ]] && x=(ip netns exec "$1")
  "${x[@]}" sh -c "echo 1 > /proc/sys/net/ipv6/conf/$2/disable_ipv6" 2>/dev/null || true
  command -v ethtool >/dev/null && "${x[@]}" ethtool -K "$2" rx off tx off tso off gso off gro off >/dev/null 2>&1 || true
}

hosts() { # two hosts whose host-side veth ends stay here
  for side in a:1 b:2; do
    local n=${side%%:*} net=${side##*:}
    ip netns add e2e$n
    ip link add e2e$n-h type veth peer name eth0 address 02:fe:00:00:0$net:02 netns e2e$n
    quiet "" e2e$n-h; quiet e2e$n eth0
    ip link set e2e$n-h up
    ip -n e2e$n link set lo up
    ip -n e2e$n link set eth0 up
    ip -n e2e$n addr add 198.18.$net.2/24 dev eth0
    ip -n e2e$n route add default via 198.18.$net.1
  done
}

measure() { # LABEL: ping across, then iperf3; prints Gbit/s
  local label=$1
  ip netns exec e2ea ping -c 3 -i 0.2 -W 2 198.18.2.2 >/dev/null \
    || { echo "$label: no ping across" >&2; return 1; }
  ip netns exec e2eb iperf3 -s -1 -D -I "$work/iperf3.pid" >/dev/null
  sleep 0.5
  local json bps
  json=$(ip netns exec e2ea iperf3 -c 198.18.2.2 -t "$seconds" -J)
  bps=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"])')
  printf '%-28s %6.2f Gbit/s\n' "$label" "$(python3 -c "print($bps/1e9)")"
}

# Vecta
hosts
cat > "$work/setup.cli" <<CLI
create host-interface name e2ea-h
create host-interface name e2eb-h
set interface state host-e2ea-h up
set interface state host-e2eb-h up
set interface ip address host-e2ea-h 198.18.1.1/24
set interface ip address host-e2eb-h 198.18.2.1/24
CLI
if [[ -n $rx_mode ]]; then
  printf 'set interface rx-mode host-e2ea-h %s\nset interface rx-mode host-e2eb-h %s\n' "$rx_mode" "$rx_mode" >> "$work/setup.cli"
fi
cat > "$work/startup.conf" <<CONF
unix { nodaemon cli-listen $work/cli.sock startup-config $work/setup.cli runtime-dir $work }
buffers { page-size 4k buffers-per-numa 16384 }
CONF
# build the runtime first if its sources changed: the wait for its CLI socket below is short
( . "$root/scripts/runtime-jar.sh" && ensure_runtime_jar iperf3-routed ) || exit 1
"$root/vecta" -c "$work/startup.conf" > "$work/vecta.log" 2>&1 &
vecta_pid=$!
for _ in $(seq 100); do [[ -S $work/cli.sock ]] && break; sleep 0.2; done
sleep 1
measure "Vecta (AF_PACKET, 1 thread, ${rx_mode:-interrupt})" || { cat "$work/vecta.log" >&2; exit 1; }
kill "$vecta_pid"; wait "$vecta_pid" 2>/dev/null || true; vecta_pid=

# Linux, the same hosts behind a router namespace
ip netns add e2er
for side in a:1 b:2; do
  n=${side%%:*}; net=${side##*:}
  ip link set e2e$n-h netns e2er
  ip -n e2er link set e2e$n-h up
  ip -n e2er addr add 198.18.$net.1/24 dev e2e$n-h
done
ip netns exec e2er sysctl -qw net.ipv4.ip_forward=1
measure "Linux (ip_forward, kernel)"
