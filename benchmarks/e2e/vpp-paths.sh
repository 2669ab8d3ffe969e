#!/usr/bin/env bash
# VPP's benchmark paths run by Vecta and, when one is given, by FD.io VPP, in one run on one
# core: the configuration behind the design's VPP figures (pg streams into error-drop, through
# IPv4 forwarding and through L2 bridging, 64-byte frames), each stream alone after a
# `clear runtime`, the two runtimes taking turns stream by stream so that both see the same
# machine. Prints, per stream and round, each node's cost per packet and the path's total
# without pg-input, in nanoseconds (VPP's clocks divided by its own clocks per second).
#
#   benchmarks/e2e/vpp-paths.sh [packets] [rounds]      defaults 20000000 packets per stream, 2 rounds
#   VPP=/path/to/bin/vpp     also run FD.io VPP (vppctl is looked for beside it); e.g. a release
#                            build without DPDK; its plugins are not needed and stay disabled
#   CLI=FILE                 the configuration (default ../shared/reference/vpp-bench-paths.cli
#                            beside the clone); every 'limit 50000000' becomes the packet count
#   CORE=N                   the core both runtimes' main threads run on (default 1)
#   STREAMS="drop ip4 l2"    the streams, in order
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
packets=${1:-20000000}
rounds=${2:-2}
core=${CORE:-1}
streams=${STREAMS:-drop ip4 l2}
cli=${CLI:-$root/../shared/reference/vpp-bench-paths.cli}
[[ -f $cli ]] || { echo "vpp-paths: no configuration at $cli (give one with CLI=FILE)" >&2; exit 2; }
[[ $packets =~ ^[1-9][0-9]*$ && $rounds =~ ^[1-9][0-9]*$ ]] \
  || { echo "vpp-paths: packets and rounds are positive numbers, not '$packets' '$rounds'" >&2; exit 2; }
vpp=${VPP:-}
if [[ -n $vpp ]]; then
  [[ -x $vpp ]] || { echo "vpp-paths: VPP=$vpp is not an executable" >&2; exit 2; }
  vppctl_bin=$(dirname "$vpp")/vppctl
  [[ -x $vppctl_bin ]] || { echo "vpp-paths: no vppctl beside $vpp" >&2; exit 2; }
fi
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [[ -n ${KEEP:-} ]] && echo "vpp-paths: kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

# The one configuration both runtimes run, made runnable by today's VPP, whose exec reads line
# by line: the remark blocks that span lines are dropped, and the drop stream's data names
# ethernet-input as the node to read its headers (error-drop reads none)
awk -v packets="$packets" '
  skipping { depth += gsub(/{/, "{") - gsub(/}/, "}"); if (depth <= 0) skipping = 0; next }
  /^[ \t]*comment[ \t]*{/ { depth = gsub(/{/, "{") - gsub(/}/, "}"); if (depth > 0) skipping = 1; next }
  { gsub(/limit 50000000/, "limit " packets)
    if ($0 ~ /node error-drop data { IP4:/) sub(/data { IP4:/, "data { ethernet-input IP4:")
    print }' "$cli" > "$work/paths.cli"

vecta_ctl() { "$root/vectactl" -s "$work/vecta.sock" "$@"; }
vpp_ctl() { "$vppctl_bin" -s "$work/vpp.sock" "$@"; }

start() { # NAME SOCKET COMMAND...: starts a runtime pinned to the core, waits for its CLI
  local name=$1 sock=$2; shift 2
  "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do [[ -S $sock ]] && break; sleep 0.2; done
  [[ -S $sock ]] || { echo "vpp-paths: $name did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
}

cat > "$work/vecta.conf" <<CONF
unix { nodaemon cli-listen $work/vecta.sock runtime-dir $work }
cpu { main-core $core }
${VECTA_CONF:-}
CONF
( . "$root/scripts/runtime-jar.sh" && ensure_runtime_jar vpp-paths ) || exit 1
start vecta "$work/vecta.sock" "$root/vecta" -c "$work/vecta.conf"
runtimes=(vecta)
if [[ -n $vpp ]]; then
  cat > "$work/vpp.conf" <<CONF
unix { nodaemon cli-listen $work/vpp.sock log $work/vpp-own.log }
cpu { main-core $core }
memory { main-heap-page-size default }
buffers { page-size default }
statseg { page-size default socket-name $work/vpp-stats.sock }
plugins { plugin default { disable } }
CONF
  start vpp "$work/vpp.sock" "$vpp" -c "$work/vpp.conf"
  sleep 1
  runtimes+=(vpp)
fi

ctl() { # RUNTIME ARGS...
  if [[ $1 == vecta ]]; then shift; vecta_ctl "$@"; else shift; vpp_ctl "$@"; fi
}

wait_stream() { # RUNTIME STREAM: until the stream is no longer enabled
  while ctl "$1" show packet-generator | awk -v s="$2" '$1 == s && $2 == "Yes" { found = 1 } END { exit !found }'; do
    sleep 0.2
  done
}

for rt in "${runtimes[@]}"; do
  ctl "$rt" exec "$work/paths.cli" > "$work/$rt-exec.out" \
    || { echo "vpp-paths: $rt refused the configuration:" >&2; cat "$work/$rt-exec.out" >&2; exit 1; }
  ctl "$rt" packet-generator enable-stream l2learn > /dev/null
  wait_stream "$rt" l2learn
done
# VPP's clocks per second, to turn its clocks into nanoseconds
vpp_hz=0
if [[ -n $vpp ]]; then
  vpp_hz=$(vpp_ctl show clock verbose | awk '/clocks\/sec/ { for (i = 1; i <= NF; i++) if ($i == "clocks/sec") { print $(i + 1) + 0; exit } }')
fi

# the nodes of one `show runtime` that moved at least 1% of the stream's packets, as
# "NAME NS_PER_PACKET" lines, then "total NS" without pg-input; the last five columns of a row
# are calls, vectors, suspends, time (or clocks) per vector and vectors per call
costs() { # RUNTIME FILE
  awk -v packets="$packets" -v hz="$vpp_hz" -v rt="$1" '
    NF >= 7 && $(NF - 3) ~ /^[0-9]+$/ && $(NF - 3) >= packets / 100 {
      per = $(NF - 1) + 0; if (rt == "vpp") per = per * 1e9 / hz
      share = per * $(NF - 3) / packets
      printf "%-22s %8.2f\n", $1, share
      if ($1 != "pg-input") total += share
    }
    END { printf "%-22s %8.2f\n", "graph without pg-input", total }' "$2"
}

echo "vpp-paths: $packets packets per stream, $rounds rounds, core $core, $(lscpu | sed -n 's/^Model name: *//p')"
[[ -n $vpp ]] && echo "vpp-paths: VPP $($vppctl_bin -s "$work/vpp.sock" show version | head -1), $vpp_hz clocks/sec"
run_stream() { # RUNTIME STREAM
  ctl "$1" clear runtime > /dev/null
  ctl "$1" packet-generator enable-stream "$2" > /dev/null
  wait_stream "$1" "$2"
}
# a round not counted: Vecta's JIT compiles the paths' nodes while it runs
for stream in $streams; do
  for rt in "${runtimes[@]}"; do run_stream "$rt" "$stream"; done
done
for round in $(seq "$rounds"); do
  for stream in $streams; do
    for rt in "${runtimes[@]}"; do
      run_stream "$rt" "$stream"
      ctl "$rt" show runtime > "$work/$rt-$stream-$round.txt"
      costs "$rt" "$work/$rt-$stream-$round.txt" > "$work/$rt-$stream-$round.costs"
    done
    echo
    echo "round $round, stream $stream: ns per packet"
    if [[ -n $vpp ]]; then
      printf '%-32s | %s\n' "Vecta" "FD.io VPP"
      paste -d'|' <(awk '{ printf "%-32s\n", $0 }' "$work/vecta-$stream-$round.costs") "$work/vpp-$stream-$round.costs" \
        | sed 's/|/ | /'
    else
      cat "$work/vecta-$stream-$round.costs"
    fi
  done
done
