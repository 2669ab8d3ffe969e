#!/usr/bin/env bash
# CPU time of an idle Vecta with one AF_PACKET host interface, once per rx mode: what the
# process (every thread, the JVM's own included) spends while nothing arrives. Needs root
# (a veth pair and a packet socket).
#
#   benchmarks/e2e/idle-cpu.sh [seconds]      default 5
#
#   veth idle-h (Vecta's host interface, up)  <== veth ==>  idle-p (up, no address, no IPv6)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
seconds=${1:-5}
[[ $(id -u) -eq 0 ]] || { echo "idle-cpu: needs root (veth, packet sockets)" >&2; exit 2; }
work=$(mktemp -d)
vecta_pid=
cleanup() {
  [[ -n $vecta_pid ]] && kill "$vecta_pid" 2>/dev/null && wait "$vecta_pid" 2>/dev/null || true
  ip link del idle-h 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ip link del idle-h 2>/dev/null || true
ip link add idle-h type veth peer name idle-p
for dev in idle-h idle-p; do
  echo 1 > /proc/sys/net/ipv6/conf/$dev/disable_ipv6 2>/dev/null || true
  ip link set $dev up
done

ticks=$(getconf CLK_TCK)
cpu_ticks() { # PID: utime + stime, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

for mode in polling interrupt; do
  cat > "$work/setup.cli" <<CLI
create host-interface name idle-h
set interface state host-idle-h up
set interface rx-mode host-idle-h $mode
CLI
  cat > "$work/startup.conf" <<CONF
unix { nodaemon cli-listen $work/cli.sock startup-config $work/setup.cli runtime-dir $work }
buffers { page-size 4k buffers-per-numa 16384 }
CONF
  rm -f "$work/cli.sock"
  "$root/vecta" -c "$work/startup.conf" > "$work/vecta.log" 2>&1 &
  vecta_pid=$!
  for _ in $(seq 100); do [[ -S $work/cli.sock ]] && break; sleep 0.2; done
  [[ -S $work/cli.sock ]] || { cat "$work/vecta.log" >&2; exit 1; }
  sleep 3 # start-up and the JIT's first compilations settle
  if grep -qi "error\|failed" "$work/vecta.log"; then cat "$work/vecta.log" >&2; exit 1; fi
  before=$(cpu_ticks "$vecta_pid")
  sleep "$seconds"
  after=$(cpu_ticks "$vecta_pid")
  python3 -c "t=($after-$before)/$ticks; print('%-10s %6.3f s CPU in %s s: %5.1f %% of a core' % ('$mode', t, $seconds, 100*t/$seconds))"
  kill "$vecta_pid"; wait "$vecta_pid" 2>/dev/null || true; vecta_pid=
done
