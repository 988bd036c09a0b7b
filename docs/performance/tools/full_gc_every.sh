#!/bin/bash
# Forces a full collection in the registry every INTERVAL seconds while it runs, so that its GC log
# (-Xlog:gc:file=...) shows the live heap over the run ("Pause Full (Diagnostic Command) A->B": B is live).
# usage: full_gc_every.sh JAR-PATH-IN-THE-COMMAND-LINE [INTERVAL]   (start it beside the benchmark)
jar=$1; interval=${2:-15}
pid=""
while [ -z "$pid" ]; do sleep 2; pid=$(pgrep -f "jar $jar" | head -1); done
while kill -0 "$pid" 2>/dev/null; do sleep "$interval"; jcmd "$pid" GC.run > /dev/null 2>&1 && date -u +%H:%M:%S; done
