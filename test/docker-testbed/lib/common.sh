# Settings and helpers for `docker-testbed`. Sourced, never run directly.
# Every path comes from the kit folder ($DT_KIT) or from the DOCKER_TESTBED_* variables below.

abs() { case $1 in /*) printf '%s\n' "${1%/}" ;; *) printf '%s\n' "$PWD/${1%/}" ;; esac; }

DT_CACHE=$(abs "${DOCKER_TESTBED_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-testbed}")
# One daemon per data-root, so the default run folder is keyed on the cache (not on the kit's location): every
# checkout that uses the same cache finds, and can share, the same running testbed.
DT_RUN=$(abs "${DOCKER_TESTBED_RUN:-${TMPDIR:-/tmp}/docker-testbed-$(printf '%s' "$DT_CACHE" | sha256sum | cut -c1-8)}")
DT_DATA=$DT_CACHE/data-root        # docker's images and layers: the base image survives `down`
DT_EXEC=$DT_RUN/exec               # docker's exec-root (its containerd's socket and state)
DT_SOCK=$DT_RUN/docker.sock
DT_PIDS=$DT_RUN/pids
DT_LOGS=$DT_RUN/logs
DT_HOLDERS=$DT_RUN/holders
DT_STORE=$DT_RUN/registry          # the registry's storage: what a run pushed goes away with `down`
DT_CLIENT=$DT_RUN/client           # DOCKER_CONFIG: the docker client writes nothing to ~/.docker
DT_ENV=$DT_RUN/env
# dbnd refuses an image `host:port/repo`, and the daemon pushes a port-less name to 443, then 80 (insecure
# registry): so the registry is port 80 under a name. The k8s testbed's containerd names this host as plain http.
DT_REGISTRY_HOST=registry.testbed
DT_REGISTRY_IP=${DOCKER_TESTBED_REGISTRY_IP:-127.0.0.1}
# `up` records the address in settings.env: a running testbed keeps the one it was started with, whatever the
# variable says to later commands (down, status, a sharing up).
DT_SETTINGS=$DT_RUN/settings.env
DT_WANTED_IP=$DT_REGISTRY_IP
[ -f "$DT_SETTINGS" ] && . "$DT_SETTINGS"
DT_BASE_IMAGE=testbed/base:1
DT_TIMEOUT=${DOCKER_TESTBED_TIMEOUT:-90}
DT_HOSTS=/etc/hosts
DT_HOSTS_MARK="# docker-testbed $DT_RUN"

say() { printf '[docker-testbed] %s\n' "$*" >&2; }
die() { printf '[docker-testbed] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
need_root() { [ "$(id -u)" = 0 ] || die "$1 needs root (dockerd, /etc/hosts, port 80)"; }
need_cmd() { # need_cmd COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found: install the Debian package '$2' (or run: docker-testbed build)"
}

# ---- port 80 on the registry address ----------------------------------------------------------------------------
port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | sed 's/users:((/ by /'
}

# ---- processes we start: one PID file each ("PID binary"), checked against the binary before any signal --------
start_proc() { # start_proc NAME BINARY ARGS...   (stdout+stderr go to $DT_LOGS/NAME.log)
  local name=$1 bin; shift
  bin=$(command -v "$1") || die "cannot find $1"
  mkdir -p "$DT_PIDS" "$DT_LOGS"
  setsid "$@" >>"$DT_LOGS/$name.log" 2>&1 </dev/null 9>&- &   # 9: the up/down lock, not for the daemons
  printf '%s %s\n' "$!" "$(readlink -f "$bin")" >"$DT_PIDS/$name.pid"
}
proc_pid() { # proc_pid NAME -> the PID, if that process is alive and still runs the recorded binary
  local f=$DT_PIDS/$1.pid pid exe
  [ -f "$f" ] || return 1
  read -r pid exe <"$f"
  [ -d "/proc/$pid" ] || return 1
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 1
  # /proc/PID/exe may show `setsid` for a few ms after the start
  case "$(readlink -f "/proc/$pid/exe" 2>/dev/null)" in
    "$exe" | */setsid) printf '%s\n' "$pid" ;;
    *) return 1 ;;
  esac
}
stop_proc() { # stop_proc NAME [SECONDS_BEFORE_SIGKILL]
  local name=$1 grace=${2:-15} pid i
  if ! pid=$(proc_pid "$name"); then rm -f "$DT_PIDS/$name.pid"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do proc_pid "$name" >/dev/null || break; sleep 0.1; done
  if proc_pid "$name" >/dev/null; then say "  $name ($pid) did not stop in ${grace}s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  for ((i = 0; i < 50; i++)); do proc_pid "$name" >/dev/null || break; sleep 0.1; done
  if proc_pid "$name" >/dev/null; then say "  $name ($pid) is STILL running"; return 1; fi
  say "  stopped $name ($pid)"
  rm -f "$DT_PIDS/$name.pid"
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
children() { local p; for p in /proc/[0-9]*; do [ "$(awk '{print $4}' "$p/stat" 2>/dev/null)" = "$1" ] && printf '%s\n' "${p#/proc/}"; done; return 0; }

# wait_for DESCRIPTION SECONDS LOGNAME COMMAND...: poll until COMMAND succeeds; fail early if LOGNAME's process
# died, and show its log tail on failure.
wait_for() {
  local what=$1 secs=$2 logname=$3 t0 i; shift 3
  t0=$(now)
  for ((i = 0; i < secs * 10; i++)); do
    if "$@" >/dev/null 2>&1; then say "$what after $(since "$t0")s"; return 0; fi
    if [ -n "$logname" ] && ! proc_pid "$logname" >/dev/null; then tail_log "$logname" 30; die "$logname exited while waiting for: $what"; fi
    sleep 0.1
  done
  [ -n "$logname" ] && tail_log "$logname" 30
  die "timed out after ${secs}s waiting for: $what"
}
tail_log() { [ -f "$DT_LOGS/$1.log" ] && { printf -- '----- last %s lines of %s -----\n' "$2" "$DT_LOGS/$1.log" >&2; tail -n "$2" "$DT_LOGS/$1.log" >&2; printf -- '-----\n' >&2; }; return 0; }

# ---- readiness -----------------------------------------------------------------------------------------------------
daemon_ready() { [ "$(curl -sf --max-time 5 --unix-socket "$DT_SOCK" http://docker/_ping 2>/dev/null)" = OK ]; }
registry_ready() { curl -sf --max-time 5 -o /dev/null "http://${1:-$DT_REGISTRY_IP}/v2/"; }
dk() { DOCKER_HOST=unix://$DT_SOCK DOCKER_CONFIG=$DT_CLIENT docker "$@"; }
# dockerd itself reaches the registry by its name: a pull of an absent tag gets the registry's "manifest unknown"
# (not "no such host"), which is what the first push of a test needs.
daemon_resolves_registry() { local out; out=$(dk pull "$DT_REGISTRY_HOST/docker-testbed-probe:absent" 2>&1); [[ $out == *"manifest unknown"* ]]; }

# ---- the hosts entry: one line with our mark, rewritten in place (/etc/hosts may be a bind mount) --------------
hosts_has_foreign() { # another line (not ours) names the registry host
  grep -v -F "$DT_HOSTS_MARK" "$DT_HOSTS" | awk -v h="$DT_REGISTRY_HOST" '{ sub(/#.*/, ""); for (i = 2; i <= NF; i++) if ($i == h) f = 1 } END { exit !f }'
}
hosts_write() { # hosts_write WITH_ENTRY(0|1)
  local tmp; tmp=$(mktemp)
  grep -v -F "$DT_HOSTS_MARK" "$DT_HOSTS" >"$tmp" || true
  [ "$1" = 1 ] && printf '%s %s %s\n' "$DT_REGISTRY_IP" "$DT_REGISTRY_HOST" "$DT_HOSTS_MARK" >>"$tmp"
  cat "$tmp" >"$DT_HOSTS"; rm -f "$tmp"
}
hosts_ours() { grep -qxF "$DT_REGISTRY_IP $DT_REGISTRY_HOST $DT_HOSTS_MARK" "$DT_HOSTS"; }
