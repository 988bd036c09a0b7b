#!/bin/bash
# CPU an idle registry uses: start the jar on a fresh data dir, wait for /health, let it settle 20 s, then read its
# utime+stime from /proc over 60 s. usage: idle_cpu.sh LABEL JAR ["JVM options"]
# e.g. (side by side): idle_cpu.sh A server/target/registry-server.jar -Dregistry.projections.claim-extension-interval=0 &
#                      idle_cpu.sh B server/target/registry-server.jar &
label=$1; jar=$2; opts=$3
dir=$(mktemp -d /tmp/registry-idle-XXXX); port=$((20000 + RANDOM % 20000))
SERVER_PORT=$port REGISTRY_DATA_DIR=$dir/data java $opts -jar "$jar" > "$dir/log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 1; done
sleep 20
t0=$(awk '{print $14+$15}' /proc/$pid/stat); sleep 60; t1=$(awk '{print $14+$15}' /proc/$pid/stat)
echo "$label: $((t1 - t0)) ticks of 1/100 s in 60 s = $(python3 -c "print(round(($t1-$t0)/100/60,4))") cores; $(uptime)"
kill $pid; wait $pid 2>/dev/null; rm -rf "$dir"
