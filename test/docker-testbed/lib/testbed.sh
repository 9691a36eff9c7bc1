# build, up, down, env and status. Sourced by `docker-testbed`.

DT_APT="docker.io busybox-static docker-registry curl"

apt_missing() { local p; for p in "$@"; do dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null | grep -qx installed || printf '%s ' "$p"; done; }
dt_build() {
  local t0 missing; t0=$(now)
  [ $# = 0 ] || die "usage: docker-testbed build"
  command -v dpkg-query >/dev/null || die "this kit expects Debian 12 (apt/dpkg not found)"
  missing=$(apt_missing $DT_APT)
  if [ -n "$missing" ]; then
    need_root "installing Debian packages ($missing)"
    say "apt-get install $missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
  # docker.io's postinst enables docker.service and docker.socket; on a systemd host they may now hold
  # /run/docker.sock. The testbed uses its own socket, data-root and exec-root, so the two do not meet.
  say "packages: $(dockerd --version), $(docker-registry --version 2>&1 | head -1), busybox-static $(dpkg-query -W -f='${Version}' busybox-static) ($(since "$t0")s)"
}

# `up` and `down` run under one lock per run folder, so two test runs never start or stop the testbed together.
dt_locked() {
  mkdir -p "$(dirname "$DT_RUN")"
  exec 9>"$DT_RUN.lock"
  flock -w 600 9 || die "another docker-testbed up/down holds $DT_RUN.lock for more than 600 s"
  "$@"
}

holder_add() { mkdir -p "$DT_HOLDERS"; : >"$DT_HOLDERS/$1"; }
live_holders() { # prunes holders whose process is gone; prints the live ones
  local f; [ -d "$DT_HOLDERS" ] || return 0
  for f in "$DT_HOLDERS"/*; do
    [ -e "$f" ] || continue
    if [ -d "/proc/${f##*/}" ]; then printf '%s\n' "${f##*/}"; else rm -f "$f"; fi
  done
}
parse_holder() { # parse_holder COMMAND ARGS... -> sets HOLDER
  HOLDER=
  case ${2-} in
    --holder) [[ ${3-} =~ ^[0-9]+$ ]] || die "usage: docker-testbed $1 [--holder PID]"; HOLDER=$3 ;;
    "") ;;
    *) die "usage: docker-testbed $1 [--holder PID]" ;;
  esac
}

running() { proc_pid dockerd >/dev/null && proc_pid registry >/dev/null && daemon_ready && registry_ready; }

dt_up() {
  parse_holder up "$@"
  need_root "up"
  need_cmd dockerd docker.io; need_cmd docker docker.io; need_cmd docker-registry docker-registry; need_cmd curl curl
  [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1 || die "/bin/busybox is not the static busybox: install busybox-static"
  local t0; t0=$(now)
  if running; then
    [ -n "${DOCKER_TESTBED_REGISTRY_IP-}" ] && [ "$DT_WANTED_IP" != "$DT_REGISTRY_IP" ] &&
      die "the testbed in $DT_RUN is running with its registry on $DT_REGISTRY_IP, not $DT_WANTED_IP: share it as it is, or stop it first"
    [ -n "$HOLDER" ] && holder_add "$HOLDER"
    hosts_ours || hosts_write 1
    wait_for "dockerd resolves $DT_REGISTRY_HOST" 15 dockerd daemon_resolves_registry
    say "already running in $DT_RUN (shared; holders: $(live_holders | tr '\n' ' '))"
    base_image
    cat "$DT_ENV"
    return 0
  fi
  # Leftovers of an earlier `up` that was killed: stop them first.
  [ -d "$DT_PIDS" ] && [ -n "$(ls -A "$DT_PIDS" 2>/dev/null)" ] && { say "stopping what an earlier run left in $DT_RUN"; stop_all; }
  DT_REGISTRY_IP=$DT_WANTED_IP
  preflight
  mkdir -p "$DT_RUN" "$DT_DATA" "$DT_EXEC" "$DT_PIDS" "$DT_LOGS" "$DT_STORE" "$DT_CLIENT"
  [ -n "$HOLDER" ] && holder_add "$HOLDER"
  printf '{}\n' >"$DT_RUN/daemon.json"
  [ -f "$DT_CLIENT/config.json" ] || printf '{}\n' >"$DT_CLIENT/config.json"
  render_registry_config >"$DT_RUN/registry.yml"
  printf 'DT_REGISTRY_IP=%q\n' "$DT_REGISTRY_IP" >"$DT_SETTINGS"
  trap 'up_failed' EXIT
  # The hosts entry goes in before dockerd starts: Go's resolver keeps what it read of /etc/hosts for up to 5 s,
  # so a daemon that read the file before the entry existed answers "no such host" to the first push.
  hosts_write 1
  # No bridge and no iptables: nothing touches the host's network; builds and containers use --network=none or
  # the host's loopback. The data-root is in the cache, so the base image survives `down`.
  start_proc dockerd dockerd --iptables=false --ip-masq=false --bridge=none \
    --data-root "$DT_DATA" --exec-root "$DT_EXEC" --pidfile "$DT_RUN/dockerd.pid" \
    --config-file "$DT_RUN/daemon.json" -H "unix://$DT_SOCK" --insecure-registry "$DT_REGISTRY_HOST"
  start_proc registry docker-registry serve "$DT_RUN/registry.yml"
  wait_for "the registry answers on http://$DT_REGISTRY_IP:80/v2/" "$DT_TIMEOUT" registry registry_ready
  wait_for "the registry answers as http://$DT_REGISTRY_HOST/v2/" 10 registry registry_ready "$DT_REGISTRY_HOST"
  wait_for "dockerd answers on $DT_SOCK" "$DT_TIMEOUT" dockerd daemon_ready
  wait_for "dockerd resolves $DT_REGISTRY_HOST" 15 dockerd daemon_resolves_registry
  base_image
  write_env
  trap - EXIT
  say "up in $(since "$t0")s: dockerd $(dk version --format '{{.Server.Version}}'), registry http://$DT_REGISTRY_HOST, base image $DT_BASE_IMAGE"
  cat "$DT_ENV"
}

preflight() {
  if port_in_use "$DT_REGISTRY_IP" 80; then
    die "port $DT_REGISTRY_IP:80 is already in use$(port_owner 80). The registry must be port 80 under a name (dbnd refuses host:port images): stop that process, or put the registry on another loopback address: export DOCKER_TESTBED_REGISTRY_IP=127.0.0.2"
  fi
  hosts_has_foreign && die "$DT_HOSTS already names $DT_REGISTRY_HOST (a line that is not this testbed's): remove it, or stop the testbed that added it"
  local marker=$DT_CACHE/in-use other
  if [ -f "$marker" ] && read -r other <"$marker" && [ "$other" != "$DT_RUN" ] && [ -S "$other/docker.sock" ] &&
    [ "$(curl -sf --max-time 5 --unix-socket "$other/docker.sock" http://docker/_ping 2>/dev/null)" = OK ]; then
    die "the data-root $DT_DATA is in use by the testbed in $other: one daemon per cache (DOCKER_TESTBED_CACHE)"
  fi
  mkdir -p "$DT_CACHE"; printf '%s\n' "$DT_RUN" >"$marker"
  # dockerd 20.10 uses a containerd already listening on the default socket instead of starting its own.
  [ -S /run/containerd/containerd.sock ] && say "note: /run/containerd/containerd.sock exists: dockerd will use that containerd"
  return 0
}

render_registry_config() {
  cat <<YAML
# written by docker-testbed up
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DT_STORE
  delete:
    enabled: true
http:
  addr: $DT_REGISTRY_IP:80
YAML
}

up_failed() {
  local rc=$?
  [ $rc = 0 ] && return 0
  say "up failed: stopping what it started (logs stay in $DT_LOGS)"
  stop_all || true
}

base_recipe() { cat "$DT_KIT/images/base/Dockerfile" /bin/busybox | sha256sum | cut -c1-16; }
base_image() {
  local want have t0
  want=$(base_recipe)
  have=$(dk image inspect -f '{{index .Config.Labels "testbed.recipe"}}' "$DT_BASE_IMAGE" 2>/dev/null || true)
  if [ "$have" = "$want" ]; then say "base image $DT_BASE_IMAGE: cached in $DT_DATA"; return 0; fi
  t0=$(now)
  local ctx=$DT_RUN/base-context
  rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$DT_KIT/images/base/Dockerfile" /bin/busybox "$ctx/"
  dk build --quiet --network=none --label "testbed.recipe=$want" -t "$DT_BASE_IMAGE" "$ctx" >"$DT_LOGS/base-image.log" 2>&1 ||
    { cat "$DT_LOGS/base-image.log" >&2; die "building the base image failed"; }
  rm -rf "$ctx"
  dk image prune -f >/dev/null 2>&1 || true # the previous recipe's image, now untagged
  say "base image $DT_BASE_IMAGE built in $(since "$t0")s ($(dk image inspect -f '{{.Size}}' "$DT_BASE_IMAGE") bytes)"
}

write_env() {
  {
    printf 'export DOCKER_HOST=%q\n' "unix://$DT_SOCK"
    printf 'export DOCKER_CONFIG=%q\n' "$DT_CLIENT"
    printf 'export DOCKER_TESTBED_REGISTRY=%q\n' "$DT_REGISTRY_HOST"
    printf 'export DOCKER_TESTBED_BASE_IMAGE=%q\n' "$DT_BASE_IMAGE"
    printf 'export DOCKER_TESTBED_RUN=%q\n' "$DT_RUN"
    printf 'export DOCKER_TESTBED_CACHE=%q\n' "$DT_CACHE"
  } >"$DT_ENV"
}

stop_all() {
  local ok=0
  stop_proc registry 10 || ok=1
  stop_proc dockerd 30 || ok=1   # it stops its own containerd and unmounts its layers first
  hosts_write 0
  local left; left=$(awk -v a="$DT_EXEC" -v b="$DT_DATA" 'index($2, a) == 1 || index($2, b) == 1 {print $2}' /proc/mounts)
  if [ -n "$left" ]; then
    say "unmounting what dockerd left mounted: $(printf '%s\n' "$left" | wc -l) mount(s)"
    printf '%s\n' "$left" | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  fi
  rm -rf "$DT_STORE" "$DT_ENV" "$DT_SETTINGS" "$DT_RUN/dockerd.pid"
  [ "$(cat "$DT_CACHE/in-use" 2>/dev/null)" = "$DT_RUN" ] && rm -f "$DT_CACHE/in-use"
  return $ok
}

dt_down() {
  parse_holder down "$@"
  local others
  if [ -n "$HOLDER" ]; then
    rm -f "$DT_HOLDERS/$HOLDER"
    others=$(live_holders | tr '\n' ' ')
    if [ -n "$others" ]; then say "still used by PID(s) $others: left running"; return 0; fi
  fi
  [ -d "$DT_RUN" ] || { say "nothing to stop in $DT_RUN"; return 0; }
  local t0; t0=$(now)
  stop_all
  rm -rf "$DT_HOLDERS"
  say "down in $(since "$t0")s (logs stay in $DT_LOGS; the base image stays in $DT_DATA)"
}

dt_env() { [ -f "$DT_ENV" ] || die "no testbed running in $DT_RUN: run 'docker-testbed up'"; cat "$DT_ENV"; }

dt_status() {
  local name pid total=0 rss c ok=0
  for name in dockerd registry; do
    if pid=$(proc_pid "$name"); then
      rss=$(rss_kib "$pid")
      # dockerd's own containerd (and its shims) are its children
      for c in $(children "$pid"); do rss=$((rss + $(rss_kib "$c"))); done
      total=$((total + rss))
      printf '%-9s running  pid %-7s RSS %s MiB\n' "$name" "$pid" $((rss / 1024))
    else
      printf '%-9s stopped\n' "$name"; ok=1
    fi
  done
  printf 'total RSS %s MiB\n' $((total / 1024))
  daemon_ready && echo "dockerd:  ready on $DT_SOCK" || { echo "dockerd:  not answering on $DT_SOCK"; ok=1; }
  registry_ready "$DT_REGISTRY_HOST" && echo "registry: ready at http://$DT_REGISTRY_HOST/v2/" || { echo "registry: not answering at http://$DT_REGISTRY_HOST/v2/"; ok=1; }
  hosts_ours && echo "hosts:    $DT_REGISTRY_HOST -> $DT_REGISTRY_IP" || echo "hosts:    no entry for $DT_REGISTRY_HOST"
  daemon_ready && { dk image inspect -f "base:     $DT_BASE_IMAGE {{.Id}}" "$DT_BASE_IMAGE" 2>/dev/null || echo "base:     $DT_BASE_IMAGE missing"; }
  echo "holders:  $(live_holders | tr '\n' ' ')"
  return $ok
}
