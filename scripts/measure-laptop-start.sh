#!/usr/bin/env bash
# Measures the laptop download for Linux: how long it takes from starting the single file to the first page, and
# how much memory it holds when idle. Targets: cold start under 1.5 s, idle RSS under 150 MB.
#
#   scripts/measure-laptop-start.sh [-n RUNS] [PUBLISH_FOLDER]
#
# Without PUBLISH_FOLDER it publishes with the linux-x64 profile first, into a temporary folder (its own bin/ and
# obj/ there too, so the work tree's builds are untouched). Each run starts the executable in Production on a free
# loopback port with a fresh database, and measures:
#   start   wall time from starting the process to the first 200 on / (polled every 10 ms, from bash, no forks)
#   cpu     CPU time (user + system) the process used up to that moment: less sensitive to other work on the machine
#   rss     VmRSS 5 s after that first 200, with no traffic since (the page's HTML only: no browser, no circuit)
# All runs share one temporary HOME, so run 1 is a first start ever (.NET extracts SQLite's native library from the
# single file into ~/.net, ASP.NET Core makes its data-protection key) and later runs are ordinary starts. The
# machine's file cache is warm after run 1. Linux only (reads /proc).
set -euo pipefail

runs=10
while getopts "n:h" option; do
  case $option in
    n) runs=$OPTARG ;;
    *) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
publish=${1:-}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, not '$runs'." >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fk-measure-XXXXXX")
pid=""
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z $publish ]]; then
  publish=$work/publish
  echo "Publishing with -p:PublishProfile=linux-x64 (a minute or more)..." >&2
  if ! DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish "$root/src/FacilitatorKit.Web" -p:PublishProfile=linux-x64 \
      --artifacts-path "$work/artifacts" --output "$publish" --disable-build-servers -tl:off -nologo >"$work/publish.log" 2>&1; then
    tail -n 40 "$work/publish.log" >&2
    echo "The publish failed (above)." >&2
    exit 1
  fi
fi
app=$publish/FacilitatorKit.Web
[[ -x $app ]] || { echo "No executable $app: give the folder that dotnet publish -p:PublishProfile=linux-x64 made." >&2; exit 1; }

home=$work/home
mkdir -p "$home"
exec {never}<> <(:) # `read -t` on this waits without starting a process

# Milliseconds between two $EPOCHREALTIME readings (seconds with 6 decimals), in shell arithmetic: no process started.
elapsed_ms() { elapsed=$(((10#${2//[.,]/} - 10#${1//[.,]/}) / 1000)); }

# Sets status to the HTTP status of GET $1, or to nothing when the port does not answer yet. Reads the whole answer
# and drops it. No command substitution, so polling starts no process.
status_of() {
  local fd line rest
  status=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" "$port" >&"$fd"
  IFS= read -r -t 10 -u "$fd" line || line=""
  read -r -d '' -t 10 -u "$fd" rest || true
  exec {fd}<&-
  line=${line#HTTP/1.? }
  status=${line%% *}
}

free_port() {
  local candidate fd
  while :; do
    candidate=$((20000 + RANDOM % 40000))
    if ! { exec {fd}<>"/dev/tcp/127.0.0.1/$candidate"; } 2>/dev/null; then echo "$candidate"; return; fi
    exec {fd}<&-
  done
}

stats() { # median min max of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s %s\n", m, v[1], v[NR] }'
}

load_start=$(cut -d' ' -f1 /proc/loadavg)
printf '%4s %9s %7s %8s\n' run start_ms cpu_ms rss_MB
: >"$work/start"; : >"$work/cpu"; : >"$work/rss"
for run in $(seq 1 "$runs"); do
  data=$work/run-$run
  mkdir -p "$data"
  port=$(free_port)
  t0=$EPOCHREALTIME
  HOME=$home ASPNETCORE_ENVIRONMENT=Production "$app" --urls "http://127.0.0.1:$port" \
    "--ConnectionStrings:FacilitatorKit=Data Source=$data/fk.db" >"$data/app.log" 2>&1 </dev/null &
  pid=$!

  started=""
  while [[ -z $started ]]; do
    status_of /
    elapsed_ms "$t0" "$EPOCHREALTIME"
    if [[ $status == 200 ]]; then
      started=$elapsed
      read -r -a stat <"/proc/$pid/stat"
    elif ! kill -0 "$pid" 2>/dev/null; then
      cat "$data/app.log" >&2
      echo "Run $run: the app exited before answering (its output is above)." >&2
      exit 1
    elif ((elapsed > 60000)); then
      cat "$data/app.log" >&2
      echo "Run $run: no 200 on / within 60 s (the app's output is above)." >&2
      exit 1
    else
      read -r -t 0.01 -u "$never" || true
    fi
  done
  # utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks. (The name, field 2, has no spaces here.)
  cpu=$(((stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK)))

  sleep 5
  rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  rss=$(awk -v kb="$rss_kb" 'BEGIN { printf "%.1f", kb / 1024 }')
  printf '%4d %9d %7d %8s\n' "$run" "$started" "$cpu" "$rss"
  echo "$started" >>"$work/start"
  echo "$cpu" >>"$work/cpu"
  echo "$rss" >>"$work/rss"

  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; read -r -t 0.1 -u "$never" || true; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "Run $run: the app did not stop within 10 s of SIGTERM; killed." >&2
    kill -KILL "$pid"
  fi
  wait "$pid" 2>/dev/null || true
  pid=""
done
load_end=$(cut -d' ' -f1 /proc/loadavg)

read -r start_med start_min start_max < <(stats <"$work/start")
read -r cpu_med cpu_min cpu_max < <(stats <"$work/cpu")
read -r rss_med rss_min rss_max < <(stats <"$work/rss")
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t ? "met" : "NOT met") }'; }

echo
echo "FacilitatorKit laptop download, linux-x64 single file: $runs runs"
echo "date     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine  $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "load     $load_start at the start, $load_end at the end (1-minute load average; other work on the machine slows the start)"
echo "app      $app ($(du -m "$app" | cut -f1) MB)"
echo
printf '%-24s %8s %8s %8s   %s\n' "" median min max target
printf '%-24s %8s %8s %8s   %s\n' "cold start (ms)" "$start_med" "$start_min" "$start_max" "under 1500: $(verdict "$start_med" 1500)"
printf '%-24s %8s %8s %8s\n' "CPU to first 200 (ms)" "$cpu_med" "$cpu_min" "$cpu_max"
printf '%-24s %8s %8s %8s   %s\n' "idle RSS (MB)" "$rss_med" "$rss_min" "$rss_max" "under 150: $(verdict "$rss_med" 150)"
