#!/bin/bash
# private-logs.sh DIR COMMAND ARGS...: runs containerd or the kubelet (already inside `unshare --mount`) with
# DIR/pods and DIR/containers mounted over /var/log/pods and /var/log/containers, which kubelet 1.20 hard-codes.
# Two real testbeds on one host would otherwise share those folders, and each kubelet's garbage collection deletes
# the log folders of pods it does not know: the other testbed's running pods lose their logs.
set -euo pipefail
dir=$1
shift
mount --bind "$dir/pods" /var/log/pods
mount --bind "$dir/containers" /var/log/containers
exec "$@"
