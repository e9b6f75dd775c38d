#!/usr/bin/env bash
# Measures whether a step's bundled server starts and serves under a
# real memory or CPU limit, set with the kernel's cgroup v1 controllers
# as a container runtime sets them. Needs root and cgroup v1 (memory
# and cpu mounted under /sys/fs/cgroup); it stops with a message
# elsewhere. Step 8's lesson quotes its results.
#
#   scripts/measure-limits.sh memory 16 3       # 16 MiB, 3 customers
#   scripts/measure-limits.sh cpu 1000 300      # 1 ms per 100 ms
set -euo pipefail

kind=${1:?usage: measure-limits.sh memory MIB CUSTOMERS | cpu QUOTA_US CUSTOMERS}
amount=${2:?missing the limit: MiB for memory, microseconds per 100 ms for cpu}
customers=${3:-3}
step_dir="$(cd "$(dirname "$0")/.." && pwd)/steps/08-set-resources"

own=$(sed -n "s/^[0-9]*:$kind:\(.*\)/\1/p" /proc/self/cgroup)
group="/sys/fs/cgroup/$kind$own/coffee-measure-$$"
if ! mkdir "$group" 2>/dev/null; then
  echo "cannot create $group: this needs root and cgroup v1 ($kind)" >&2
  exit 2
fi
if [ "$kind" = memory ]; then
  echo $((amount * 1024 * 1024)) > "$group/memory.limit_in_bytes"
else
  echo 100000 > "$group/cpu.cfs_period_us"
  echo "$amount" > "$group/cpu.cfs_quota_us"
fi

(cd "$step_dir" && pnpm --silent run build > /dev/null 2>&1)
port=$((20000 + RANDOM % 20000))
started=$(date +%s.%N)
bash -c "echo \$\$ > '$group/cgroup.procs'; cd '$step_dir'; \
  exec env HOST=127.0.0.1 PORT=$port COFFEE_LOG=summary node dist/main.js" \
  > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rmdir "$group"' EXIT

ready=no
for _ in $(seq 1200); do
  if curl -s -m 1 "127.0.0.1:$port/healthz" > /dev/null; then ready=yes; break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
up=$(echo "$(date +%s.%N) - $started" | bc)
answer=$(curl -s -m 120 "127.0.0.1:$port/serve-customer/$customers" || true)
echo "$kind $amount: started=$ready after ${up}s; answer: ${answer:-none}"
if [ "$kind" = memory ]; then
  echo "peak usage $(( $(cat "$group/memory.max_usage_in_bytes") / 1048576 )) MiB," \
    "limit hit $(cat "$group/memory.failcnt") times"
fi
